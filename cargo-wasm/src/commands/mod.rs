//! One module per subcommand.

pub mod build;
pub mod run;
pub mod test;
pub mod wast;
