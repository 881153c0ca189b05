//! `candour serve`: preview the site with live reload, from the site folder.

use std::path::PathBuf;
use std::process::ExitCode;

use super::print_human;

/// Preview the site: build it in memory, serve it on this computer, rebuild on every save
#[derive(clap::Args)]
pub struct Args {
    /// The site's root folder, holding content/
    #[arg(long, default_value = ".")]
    root: PathBuf,
    /// Port to listen on; the next free one is used if it is taken
    #[arg(long, default_value_t = 8000)]
    port: u16,
    /// Address to listen on; anything but loopback lets other machines see the preview
    #[arg(long, default_value = "127.0.0.1")]
    bind: std::net::IpAddr,
    /// Open the site in the default browser
    #[arg(long)]
    open: bool,
    /// Poll for changes instead of using the system's file events (network drives, containers)
    #[arg(long)]
    poll: bool,
    /// Leave drafts out, as `candour build` does; by default they are shown with a
    /// "Draft — not published" banner
    #[arg(long)]
    no_drafts: bool,
    /// Build without git: no last-updated dates, change histories or changes page
    #[arg(long)]
    no_git: bool,
}

pub fn execute(args: Args) -> ExitCode {
    if let Err(code) = super::site_root(&args.root) {
        return code;
    }
    let options = candour::serve::Options {
        root: args.root,
        port: args.port,
        bind: args.bind,
        open: args.open,
        poll: args.poll,
        drafts: !args.no_drafts,
        git: !args.no_git,
    };
    match candour::serve::run(&options) {
        Ok(()) => ExitCode::SUCCESS,
        Err(d) => {
            print_human([&d]);
            ExitCode::from(2)
        }
    }
}
