//! The `meridian` binary: hands over to `cli::main` and nothing else.

fn main() -> std::process::ExitCode {
    meridian::cli::main()
}
