//! `article`: turns news pages into clean, structured, annotated articles.
//!
//! Only wiring lives here: arguments, inputs, parallelism, progress and errors. See the
//! workspace README for the command-line contract.
#![forbid(unsafe_code)]

mod args;
mod extract;
mod feed;
mod inputs;
mod kind;
mod ner;
mod outdir;
mod output;
mod sink;
mod status;
#[cfg(feature = "train")]
mod train;
mod warc;

use std::io::Write;
use std::process::ExitCode;

use clap::{CommandFactory, Parser};

use crate::args::{Cli, Command};
use crate::status::{Fatal, Status, is_broken_pipe};

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Extract(args) => extract::run(&args),
        Command::Ner(args) => ner::run(&args),
        Command::Completions { shell } => {
            let mut out = std::io::stdout().lock();
            clap_complete::generate(shell, &mut Cli::command(), "article", &mut out);
            Ok(Status::Ok)
        }
        Command::Man => clap_mangen::Man::new(Cli::command())
            .render(&mut std::io::stdout().lock())
            .map(|()| Status::Ok)
            .map_err(|e| Fatal::Output(anyhow::Error::new(e).context("cannot write stdout"))),
        #[cfg(feature = "train")]
        Command::TrainNer(args) => train::run(&args),
    };
    match result {
        Ok(status) => status.into(),
        Err(Fatal::Usage(msg)) => {
            eprintln!("article: {msg}");
            Status::Usage.into()
        }
        Err(Fatal::Interrupted(left)) => {
            eprintln!("article: interrupted: {left}");
            Status::Interrupted.into()
        }
        Err(Fatal::Output(e)) => {
            if is_broken_pipe(&e) {
                return Status::Ok.into();
            }
            eprintln!("article: {e:#}");
            let _ = std::io::stderr().flush();
            Status::SomeFailed.into()
        }
    }
}
