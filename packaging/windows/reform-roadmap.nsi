; Reform Roadmap installer for Windows, built on Linux with Debian's nsis:
;   makensis -DVERSION=0.1.0 -DEXE=path/to/reform-roadmap.exe -DOUTFILE=setup.exe reform-roadmap.nsi
; (.ci/windows does this). Installs for the current user only, so no administrator
; rights are needed: program in %LOCALAPPDATA%\Programs, Start-menu entry, the .ron file
; association and the uninstaller entry all under HKCU.

; The app is 64-bit only; a 64-bit installer runs wherever it can.
Target amd64-unicode
SetCompressor /SOLID lzma
RequestExecutionLevel user

!ifndef VERSION
  !error "pass -DVERSION=x.y.z"
!endif
!ifndef EXE
  !error "pass -DEXE=path/to/reform-roadmap.exe"
!endif
!ifndef OUTFILE
  !define OUTFILE "reform-roadmap-${VERSION}-setup.exe"
!endif

!define APP "Reform Roadmap"
!define PROGID "ReformRoadmap.Roadmap"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\ReformRoadmap"
; makensis works in this folder, so this is relative to it.
!define ICON "../../assets/icons/reform-roadmap.ico"

Name "${APP}"
OutFile "${OUTFILE}"
InstallDir "$LOCALAPPDATA\Programs\${APP}"
InstallDirRegKey HKCU "Software\ReformRoadmap" "InstallDir"
Icon "${ICON}"
UninstallIcon "${ICON}"
VIProductVersion "${VERSION}.0"
VIAddVersionKey /LANG=0 "ProductName" "${APP}"
VIAddVersionKey /LANG=0 "FileDescription" "${APP} installer"
VIAddVersionKey /LANG=0 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "LegalCopyright" "MIT License"

!include "MUI2.nsh"
!define MUI_ICON "${ICON}"
!define MUI_UNICON "${ICON}"
!define MUI_FINISHPAGE_RUN "$INSTDIR\reform-roadmap.exe"
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
; Indonesian first: the installer speaks the system's language, else Indonesian.
!insertmacro MUI_LANGUAGE "Indonesian"
!insertmacro MUI_LANGUAGE "English"

Section "Install"
  SetShellVarContext current
  SetOutPath "$INSTDIR"
  File "/oname=reform-roadmap.exe" "${EXE}"
  File "/oname=reform-roadmap.ico" "${ICON}"
  WriteUninstaller "$INSTDIR\uninstall.exe"
  WriteRegStr HKCU "Software\ReformRoadmap" "InstallDir" "$INSTDIR"

  CreateShortcut "$SMPROGRAMS\${APP}.lnk" "$INSTDIR\reform-roadmap.exe" "" "$INSTDIR\reform-roadmap.exe" 0

  ; Double click on NAME.roadmap.ron opens the app. Windows associates by the last
  ; extension only, so this is `.ron`; an existing default program for .ron is kept
  ; (the app is then offered under "Open with").
  WriteRegStr HKCU "Software\Classes\${PROGID}" "" "Road map (Reform Roadmap)"
  WriteRegStr HKCU "Software\Classes\${PROGID}\DefaultIcon" "" "$INSTDIR\reform-roadmap.exe,0"
  WriteRegStr HKCU "Software\Classes\${PROGID}\shell\open\command" "" '"$INSTDIR\reform-roadmap.exe" "%1"'
  WriteRegStr HKCU "Software\Classes\.ron\OpenWithProgids" "${PROGID}" ""
  ReadRegStr $0 HKCU "Software\Classes\.ron" ""
  StrCmp $0 "" 0 +2
    WriteRegStr HKCU "Software\Classes\.ron" "" "${PROGID}"
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'

  ; "Apps & features" entry for this user.
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayName" "${APP}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "Publisher" "${APP}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\reform-roadmap.exe"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKCU "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoRepair" 1
SectionEnd

Section "Uninstall"
  SetShellVarContext current
  Delete "$SMPROGRAMS\${APP}.lnk"
  ReadRegStr $0 HKCU "Software\Classes\.ron" ""
  StrCmp $0 "${PROGID}" 0 +2
    DeleteRegValue HKCU "Software\Classes\.ron" ""
  DeleteRegValue HKCU "Software\Classes\.ron\OpenWithProgids" "${PROGID}"
  DeleteRegKey HKCU "Software\Classes\${PROGID}"
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'
  DeleteRegKey HKCU "${UNINSTALL_KEY}"
  DeleteRegKey HKCU "Software\ReformRoadmap"
  ; The user's roadmaps, config and recovery copies live elsewhere and stay.
  Delete "$INSTDIR\reform-roadmap.exe"
  Delete "$INSTDIR\reform-roadmap.ico"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
SectionEnd
