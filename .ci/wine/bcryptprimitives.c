/* FOR THE WINE SMOKE TEST ONLY; never shipped. Wine 8 (Debian 12) has no
 * bcryptprimitives.dll, whose ProcessPrng Rust's standard library (1.78+) imports for
 * random numbers, so every Rust .exe fails to start there (status c0000135). This
 * stand-in gives ProcessPrng over advapi32's SystemFunction036 (RtlGenRandom), which
 * Wine has. Real Windows 10 and 11 have the real DLL. .ci/windows-smoke builds this
 * beside a copy of the .exe in a temporary folder. */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length)
{
    while (length > 0) {
        ULONG chunk = length > 0x10000000 ? 0x10000000 : (ULONG)length;
        if (!SystemFunction036(data, chunk))
            return FALSE;
        data += chunk;
        length -= chunk;
    }
    return TRUE;
}
