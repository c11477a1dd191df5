//! Tells cargo to rebuild when the translation files change (the `rust_i18n::i18n!`
//! macro reads them at compile time, which cargo cannot see), and embeds the icon and version information (from Cargo.toml) in the Windows .exe, so
//! Explorer, the task bar and "Properties > Details" show them. Every other target:
//! nothing to do.

fn main() {
    println!("cargo:rerun-if-changed=assets/locales");
    println!("cargo:rerun-if-changed=assets/icons/reform-roadmap.ico");
    // The target, not the machine running this script: the .exe is cross-built on Linux.
    if std::env::var("CARGO_CFG_TARGET_OS").as_deref() != Ok("windows") {
        return;
    }
    let mut resource = winresource::WindowsResource::new();
    resource
        .set_icon("assets/icons/reform-roadmap.ico")
        .set("ProductName", "Reform Roadmap")
        .set(
            "FileDescription",
            "Reform Roadmap: Road Map Reformasi Birokrasi",
        )
        .set("OriginalFilename", "reform-roadmap.exe")
        .set("LegalCopyright", "MIT License");
    if let Err(error) = resource.compile() {
        panic!("cannot embed the Windows resources (is mingw's windres installed?): {error}");
    }
}
