// The translation files are read by the `rust_i18n::i18n!` macro at compile time;
// cargo cannot see that, so tell it to rebuild when they change.
fn main() {
    println!("cargo:rerun-if-changed=assets/locales");
}
