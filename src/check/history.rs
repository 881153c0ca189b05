//! Each document's public history and the site's list of changes, from what git said of
//! its files (`git::History`, plain dates and messages) and the authors' `changes:` notes.

use crate::git;
use crate::i18n::Words;
use crate::model::date::Date;
use crate::model::{Change, Changes, History, HistoryEntry, Site};
use crate::raw::ChangeNote;
use crate::routes::Routes;

/// The history of the document at `path` (root-relative), with its `notes`; `also` are
/// the other files whose changes show on its page (an update's data files), which count
/// for its last-updated date but are not listed. Without git (`history` is `None`) only
/// the notes are listed and there is no date.
pub fn of_document(
    history: Option<&git::History>,
    path: &str,
    also: &[String],
    notes: &[ChangeNote],
) -> History {
    let own = history.and_then(|h| h.of(path));
    let mut entries: Vec<HistoryEntry> = own
        .map(|f| {
            f.commits
                .iter()
                .map(|c| HistoryEntry {
                    date: c.date,
                    note: c.subject.clone(),
                    added: c.added,
                })
                .collect()
        })
        .unwrap_or_default();
    for note in notes {
        // The author's note stands for the day's commits.
        let added = entries.iter().any(|e| e.date == note.date && e.added);
        entries.retain(|e| e.date != note.date);
        entries.push(HistoryEntry {
            date: note.date,
            note: note.note.clone(),
            added,
        });
    }
    // Newest first; on one day, as git listed them (the sort is stable).
    entries.sort_by_key(|e| std::cmp::Reverse(e.date));
    let last_updated = history.and_then(|h| {
        std::iter::once(path)
            .chain(also.iter().map(String::as_str))
            .filter_map(|p| h.of(p)?.commits.first().map(|c| c.date))
            .max()
    });
    History {
        last_updated,
        entries,
        cut: own.is_some_and(|f| f.cut),
    }
}

/// The data files a site has, as root-relative paths: what an update page's figures come
/// from.
pub fn data_paths(data: &[(String, crate::source::Source)]) -> Vec<String> {
    data.iter().map(|(_, s)| s.path.clone()).collect()
}

/// The site's changes, newest first: each statement and update on its published date, and
/// every later commit (or note) that changed a statement, an update, a page or a data file.
/// Empty without git.
pub fn changes(
    history: Option<&git::History>,
    site: &Site,
    data: &[(String, crate::source::Source)],
    routes: &Routes,
    words: &Words,
) -> Changes {
    let url = routes.changes();
    let Some(history) = history else {
        return Changes {
            url,
            ..Changes::default()
        };
    };
    let mut entries: Vec<Change> = Vec::new();
    let mut push = |date: Date, title: &str, url: &str, note: &str, kind: &'static str| {
        entries.push(Change {
            date,
            title: title.to_string(),
            url: url.to_string(),
            note: note.to_string(),
            kind,
            anchor: String::new(),
        });
    };
    let documents = site
        .statements
        .iter()
        .map(|s| (&s.title, &s.url, s.published, &s.history))
        .chain(
            site.updates
                .iter()
                .map(|u| (&u.title, &u.url, u.published, &u.history)),
        )
        .chain(
            site.pages
                .iter()
                .map(|p| (&p.title, &p.url, None, &p.history)),
        );
    for (title, url, published, h) in documents {
        if let Some(date) = published {
            push(date, title, url, "", "published");
        }
        for e in &h.entries {
            // A statement's or update's first commit is its publication, listed above.
            if e.added && published.is_some() {
                continue;
            }
            push(
                e.date,
                title,
                url,
                &e.note,
                if e.added { "added" } else { "changed" },
            );
        }
    }
    // A data file's commit messages are written in the default language: in another
    // version they are marked as such, as a document's notes are (`history_of`).
    let translated =
        site.config.languages.first().is_some_and(|d| {
            crate::i18n::primary(d) != crate::i18n::primary(&site.config.language)
        });
    for (name, source) in data {
        let Some(file) = history.of(&source.path) else {
            continue;
        };
        let title = words.word(&format!("dataset.{name}.title")).to_string();
        let url = routes.dataset(name);
        for c in &file.commits {
            let note = if translated && !c.subject.is_empty() {
                crate::i18n::mark_inline(&c.subject)
            } else {
                c.subject.clone()
            };
            push(
                c.date,
                &title,
                &url,
                &note,
                if c.added { "added" } else { "changed" },
            );
        }
    }
    // Newest first; on one day, by title, then as listed (the sort is stable).
    entries.sort_by(|a, b| {
        (std::cmp::Reverse(a.date), &a.title).cmp(&(std::cmp::Reverse(b.date), &b.title))
    });
    let mut day: Option<(Date, usize)> = None;
    for e in &mut entries {
        let n = match day {
            Some((d, n)) if d == e.date => n + 1,
            _ => 1,
        };
        day = Some((e.date, n));
        e.anchor = crate::routes::change_anchor(e.date, n);
    }
    Changes {
        url,
        entries,
        cut: history.shallow,
    }
}
