//! The durable database directory (`--db DIR`): a snapshot file, a write-ahead log of
//! the transactions committed since, and a lock file. This module (with `csv.rs` and
//! `export.rs`) is where the store does file IO; it knows graphs and changes only, never
//! queries.
//!
//! Files in DIR:
//! * `snapshot`: `MRDNSNP1`, payload length (u64 LE), CRC-32 of the payload (u32 LE),
//!   payload (`codec::encode_snapshot`: the last log sequence number it includes and
//!   the graph, ids and catalog order included).
//! * `wal`: `MRDNWAL1`, then records: payload length (u32 LE), CRC-32 of those 4 length
//!   bytes, CRC-32 of the payload, payload (`codec::encode_record`: sequence number,
//!   catalog names introduced, the changes in order).
//! * `lock`: empty; the one writer holds an exclusive `flock` on it for its whole life.
//!
//! Guarantees: `append` returns only after the record is written and `sync_data` has
//! returned, so a caller that prints a result afterwards only acknowledges durable
//! work. Checkpoints write `snapshot.tmp`, sync it, rename it over `snapshot`, sync the
//! directory, then replace the log the same way by an empty `wal`. Opening replays the
//! records newer than the snapshot; a torn final record is dropped, any other damage
//! stops the open with the file and byte offset, and nothing is rewritten.

use std::fs::{self, File, OpenOptions};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use super::codec::{self, Record};
use super::crc32::crc32;
use super::{Change, Graph};
use crate::error::Error;

const SNAP_MAGIC: &[u8; 8] = b"MRDNSNP1";
const WAL_MAGIC: &[u8; 8] = b"MRDNWAL1";
const FRAME_HEADER: usize = 12;
/// A record larger than this is refused when written (and so is never valid on disk).
const MAX_RECORD: usize = 1 << 30;
/// Checkpoint once the log grows past this many bytes (see `Db::set_checkpoint_bytes`).
const DEFAULT_CHECKPOINT_BYTES: u64 = 16 << 20;

/// How a database is opened.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DbMode {
    /// The one writer: takes the lock, creates the database if DIR is absent or empty.
    ReadWrite,
    /// Replays the log and never writes; works while a writer is active.
    ReadOnly,
}

/// An open database directory.
#[derive(Debug)]
pub struct Db {
    dir: PathBuf,
    mode: DbMode,
    /// Held (locked) for the writer's whole life; dropping it releases the lock.
    _lock: Option<File>,
    /// The log, opened for appending (writer only).
    wal: Option<File>,
    wal_len: u64,
    /// Sequence number of the last record written or replayed.
    lsn: u64,
    /// Catalog lengths that the snapshot and the log already cover.
    logged_catalog: (usize, usize, usize),
    checkpoint_bytes: u64,
    /// Set when a failed write could not be undone: the log's tail is unknown, so no
    /// further record may be appended after it.
    poisoned: bool,
    /// Tests only: fail the next append as a full disk would.
    fail_next_append: bool,
}

fn io_err(path: &Path, what: &str, e: std::io::Error) -> Error {
    Error::io(format!("cannot {what} {}: {e}", path.display()))
}

fn corrupt(path: &Path, offset: u64, why: &str) -> Error {
    Error::io(format!(
        "the database file {} is corrupt at byte offset {offset}: {why}; nothing was changed (restore the file from a backup, or move it away to give up what it holds)",
        path.display()
    ))
}

fn sync_dir(dir: &Path) -> Result<(), Error> {
    File::open(dir).and_then(|d| d.sync_all()).map_err(|e| io_err(dir, "sync the directory", e))
}

/// Write `bytes` to `dir/name.tmp`, sync it, rename it to `dir/name` and sync `dir`.
fn write_atomically(dir: &Path, name: &str, bytes: &[u8]) -> Result<(), Error> {
    let tmp = dir.join(format!("{name}.tmp"));
    let target = dir.join(name);
    let mut f = File::create(&tmp).map_err(|e| io_err(&tmp, "create", e))?;
    f.write_all(bytes).and_then(|_| f.sync_all()).map_err(|e| io_err(&tmp, "write", e))?;
    drop(f);
    fs::rename(&tmp, &target).map_err(|e| io_err(&target, "rename into place", e))?;
    sync_dir(dir)
}

/// The snapshot file's bytes for `graph` as of log position `lsn`.
fn snapshot_bytes(graph: &Graph, lsn: u64) -> Vec<u8> {
    let payload = codec::encode_graph(graph, lsn);
    let mut out = Vec::with_capacity(payload.len() + 20);
    out.extend_from_slice(SNAP_MAGIC);
    out.extend_from_slice(&(payload.len() as u64).to_le_bytes());
    out.extend_from_slice(&crc32(&payload).to_le_bytes());
    out.extend_from_slice(&payload);
    out
}

fn read_file(path: &Path) -> Result<Option<Vec<u8>>, Error> {
    let mut f = match File::open(path) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(io_err(path, "open", e)),
    };
    let mut bytes = Vec::new();
    f.read_to_end(&mut bytes).map_err(|e| io_err(path, "read", e))?;
    Ok(Some(bytes))
}

fn le_u32(b: &[u8], at: usize) -> Option<u32> {
    let s = b.get(at..at.checked_add(4)?)?;
    Some(u32::from_le_bytes([s[0], s[1], s[2], s[3]]))
}

fn le_u64(b: &[u8], at: usize) -> Option<u64> {
    let s = b.get(at..at.checked_add(8)?)?;
    let mut a = [0u8; 8];
    a.copy_from_slice(s);
    Some(u64::from_le_bytes(a))
}

/// Read and check the snapshot file: the graph and its sequence number.
fn load_snapshot(path: &Path, bytes: &[u8]) -> Result<(Graph, u64), Error> {
    if bytes.get(..8) != Some(SNAP_MAGIC.as_slice()) {
        return Err(corrupt(path, 0, "this is not a Meridian snapshot (bad magic number)"));
    }
    let len = le_u64(bytes, 8).ok_or_else(|| corrupt(path, 8, "the header is cut short"))?;
    let crc = le_u32(bytes, 16).ok_or_else(|| corrupt(path, 16, "the header is cut short"))?;
    let payload = bytes.get(20..).unwrap_or_default();
    if payload.len() as u64 != len {
        return Err(corrupt(path, 20, &format!("the payload should be {len} bytes but is {}", payload.len())));
    }
    if crc32(payload) != crc {
        return Err(corrupt(path, 20, "the checksum of the payload does not match"));
    }
    let (snap, lsn) = codec::decode_snapshot(payload).map_err(|e| corrupt(path, 20, &e.0))?;
    let graph = Graph::from_snapshot(snap).map_err(|e| corrupt(path, 20, &e.message))?;
    Ok((graph, lsn))
}

/// The records of a log file, each with its byte offset, and the length of the valid
/// prefix (shorter than the file when the final record is torn).
struct Scan {
    records: Vec<(u64, Record)>,
    valid_len: u64,
}

fn scan_log(path: &Path, bytes: &[u8]) -> Result<Scan, Error> {
    if bytes.is_empty() {
        // A log whose header never reached the disk holds nothing.
        return Ok(Scan { records: Vec::new(), valid_len: 0 });
    }
    if bytes.len() < WAL_MAGIC.len() {
        if WAL_MAGIC.starts_with(bytes) {
            return Ok(Scan { records: Vec::new(), valid_len: 0 });
        }
        return Err(corrupt(path, 0, "this is not a Meridian log (bad magic number)"));
    }
    if bytes.get(..8) != Some(WAL_MAGIC.as_slice()) {
        return Err(corrupt(path, 0, "this is not a Meridian log (bad magic number)"));
    }
    let mut records = Vec::new();
    let mut pos = WAL_MAGIC.len();
    let all_zero = |from: usize| bytes.get(from..).unwrap_or_default().iter().all(|b| *b == 0);
    while pos < bytes.len() {
        let rest = bytes.len() - pos;
        // A crash mid-append leaves a prefix of the frame, or (on some file systems) a
        // tail of zeros: both are a torn final record, never acknowledged.
        if rest < FRAME_HEADER {
            break;
        }
        let (Some(len), Some(len_crc), Some(crc)) =
            (le_u32(bytes, pos), le_u32(bytes, pos + 4), le_u32(bytes, pos + 8))
        else {
            break;
        };
        if crc32(&len.to_le_bytes()) != len_crc {
            if all_zero(pos) {
                break;
            }
            return Err(corrupt(path, pos as u64, "the record header's checksum does not match"));
        }
        let len = len as usize;
        let start = pos + FRAME_HEADER;
        let Some(payload) = start.checked_add(len).and_then(|end| bytes.get(start..end)) else {
            break; // the payload was cut short
        };
        let end = start + len;
        if crc32(payload) != crc {
            if end == bytes.len() {
                break; // the last record, written in part
            }
            return Err(corrupt(path, pos as u64, "the record's checksum does not match"));
        }
        let rec = codec::decode_record(payload).map_err(|e| corrupt(path, pos as u64, &e.0))?;
        records.push((pos as u64, rec));
        pos = end;
    }
    Ok(Scan { records, valid_len: pos as u64 })
}

/// Whether `dir` holds a database (its snapshot file exists).
pub fn db_exists(dir: &Path) -> bool {
    dir.join("snapshot").is_file()
}

/// Files a writer may find in a directory that is still "empty": its own lock and
/// temporary files from a creation that crashed before the snapshot was in place.
fn leftover(name: &str) -> bool {
    name == "lock" || name == "wal" || name.ends_with(".tmp")
}

impl Db {
    /// Open the database in `dir`. A writer (`ReadWrite`) creates it, holding `seed`'s
    /// graph (or an empty one when `seed` is None), when `dir` is absent or empty, and
    /// fails if `seed` is given but a database exists already. Returns the database and
    /// its graph.
    pub fn open(dir: &Path, mode: DbMode, seed: Option<Graph>) -> Result<(Db, Graph), Error> {
        match mode {
            DbMode::ReadOnly => Db::open_read_only(dir),
            DbMode::ReadWrite => Db::open_writer(dir, seed),
        }
    }

    fn open_read_only(dir: &Path) -> Result<(Db, Graph), Error> {
        if !db_exists(dir) {
            return Err(Error::io(format!("{} is not a Meridian database (it has no snapshot file)", dir.display())));
        }
        // A checkpoint may replace both files between our two reads: an old snapshot
        // with a new log shows as a gap in the sequence numbers; read both again.
        let mut last = None;
        for _ in 0..10 {
            match Db::load(dir, false) {
                Ok(Loaded::Done(graph, lsn, _)) => {
                    let db = Db {
                        dir: dir.to_path_buf(),
                        mode: DbMode::ReadOnly,
                        _lock: None,
                        wal: None,
                        wal_len: 0,
                        lsn,
                        logged_catalog: graph.catalog_lens(),
                        checkpoint_bytes: DEFAULT_CHECKPOINT_BYTES,
                        poisoned: false,
                        fail_next_append: false,
                    };
                    return Ok((db, graph));
                }
                Ok(Loaded::Gap(e)) => last = Some(e),
                Err(e) => return Err(e),
            }
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
        Err(last.unwrap_or_else(|| Error::io("cannot read a consistent database")))
    }

    fn open_writer(dir: &Path, seed: Option<Graph>) -> Result<(Db, Graph), Error> {
        // create_dir_all on a file says only "File exists": name the real problem.
        if dir.exists() && !dir.is_dir() {
            return Err(Error::io(format!("{} is not a directory, so it cannot hold a database", dir.display())));
        }
        fs::create_dir_all(dir).map_err(|e| io_err(dir, "create the database directory", e))?;
        let lock_path = dir.join("lock");
        let lock = OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&lock_path)
            .map_err(|e| io_err(&lock_path, "open the lock file", e))?;
        match lock.try_lock() {
            Ok(()) => {}
            Err(fs::TryLockError::WouldBlock) => {
                return Err(Error::io(format!(
                    "the database {} is open for writing in another process (it holds {}); only one writer at a time: open it with --read-only to read it meanwhile",
                    dir.display(),
                    lock_path.display()
                )));
            }
            Err(fs::TryLockError::Error(e)) => return Err(io_err(&lock_path, "lock", e)),
        }
        let exists = db_exists(dir);
        if !exists {
            let entries = fs::read_dir(dir).map_err(|e| io_err(dir, "list", e))?;
            for entry in entries {
                let name = entry.map_err(|e| io_err(dir, "list", e))?.file_name();
                if !leftover(&name.to_string_lossy()) {
                    return Err(Error::io(format!(
                        "{} is neither empty nor a Meridian database (it holds {}); choose an empty or new directory",
                        dir.display(),
                        name.to_string_lossy()
                    )));
                }
            }
            // The seed is dropped once encoded, before the database is loaded back: a
            // large import never holds two graphs.
            let bytes = snapshot_bytes(&seed.unwrap_or_default(), 0);
            // The log first, then the snapshot whose presence makes this a database.
            write_atomically(dir, "wal", WAL_MAGIC)?;
            write_atomically(dir, "snapshot", &bytes)?;
            drop(bytes);
        } else if seed.is_some() {
            return Err(Error::io(format!(
                "{} already holds a database; a seed (--init-from, import) only fills a new one",
                dir.display()
            )));
        }
        // Temporary files are what a crashed checkpoint left: never part of the state.
        for name in ["snapshot.tmp", "wal.tmp"] {
            let _ = fs::remove_file(dir.join(name));
        }
        let (graph, lsn, valid_len) = match Db::load(dir, true)? {
            Loaded::Done(g, lsn, valid_len) => (g, lsn, valid_len),
            Loaded::Gap(e) => return Err(e),
        };
        let wal_path = dir.join("wal");
        let mut wal = OpenOptions::new()
            .create(true)
            .truncate(false)
            .append(true)
            .open(&wal_path)
            .map_err(|e| io_err(&wal_path, "open", e))?;
        let file_len = wal.metadata().map_err(|e| io_err(&wal_path, "read", e))?.len();
        let mut wal_len = valid_len;
        if valid_len < WAL_MAGIC.len() as u64 {
            // No header (a fresh or emptied log): write it.
            wal.set_len(0).map_err(|e| io_err(&wal_path, "truncate", e))?;
            wal.write_all(WAL_MAGIC).and_then(|_| wal.sync_all()).map_err(|e| io_err(&wal_path, "write", e))?;
            wal_len = WAL_MAGIC.len() as u64;
        } else if file_len > valid_len {
            // Drop the torn final record so that the next record follows a valid one.
            wal.set_len(valid_len).and_then(|_| wal.sync_all()).map_err(|e| io_err(&wal_path, "truncate", e))?;
        }
        let mut db = Db {
            dir: dir.to_path_buf(),
            mode: DbMode::ReadWrite,
            _lock: Some(lock),
            wal: None,
            wal_len,
            lsn,
            logged_catalog: graph.catalog_lens(),
            checkpoint_bytes: DEFAULT_CHECKPOINT_BYTES,
            poisoned: false,
            fail_next_append: false,
        };
        db.wal = Some(wal);
        Ok((db, graph))
    }

    /// Snapshot plus replayed log. `Gap` when the log does not continue the snapshot
    /// (a checkpoint ran between the two reads).
    fn load(dir: &Path, writer: bool) -> Result<Loaded, Error> {
        let snap_path = dir.join("snapshot");
        let wal_path = dir.join("wal");
        let snap = read_file(&snap_path)?.ok_or_else(|| Error::io(format!("{} is missing", snap_path.display())))?;
        let (mut graph, snap_lsn) = load_snapshot(&snap_path, &snap)?;
        let log = read_file(&wal_path)?.unwrap_or_default();
        let scan = scan_log(&wal_path, &log)?;
        let mut lsn = snap_lsn;
        for (offset, rec) in scan.records {
            if rec.lsn <= snap_lsn {
                continue; // already in the snapshot (a checkpoint stopped before the log reset)
            }
            if rec.lsn != lsn + 1 {
                let why = format!("record {} follows record {lsn}", rec.lsn);
                if !writer && offset == WAL_MAGIC.len() as u64 {
                    return Ok(Loaded::Gap(corrupt(&wal_path, offset, &why)));
                }
                return Err(corrupt(&wal_path, offset, &why));
            }
            apply_record(&mut graph, &rec).map_err(|e| corrupt(&wal_path, offset, &e.message))?;
            lsn = rec.lsn;
        }
        Ok(Loaded::Done(graph, lsn, scan.valid_len))
    }

    pub fn mode(&self) -> DbMode {
        self.mode
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Checkpoint when the log exceeds `bytes` (tests use small values).
    pub fn set_checkpoint_bytes(&mut self, bytes: u64) {
        self.checkpoint_bytes = bytes;
    }

    /// Tests only: make the next `append` fail as a full disk would.
    #[doc(hidden)]
    pub fn fail_next_append(&mut self) {
        self.fail_next_append = true;
    }

    /// Write the changes of one transaction, about to be committed on `graph`, as one
    /// record and sync it. On error nothing was logged: the caller rolls back.
    pub fn append(&mut self, graph: &Graph, changes: &[Change]) -> Result<(), Error> {
        if changes.is_empty() {
            return Ok(());
        }
        let wal_path = self.dir.join("wal");
        if self.mode == DbMode::ReadOnly {
            return Err(Error::io("the database is open read-only"));
        }
        if self.poisoned {
            return Err(Error::io(format!(
                "an earlier write to {} failed and could not be undone; reopen the database",
                wal_path.display()
            )));
        }
        let (nl, nt, nk) = graph.catalog_lens();
        let (ol, ot, ok) = self.logged_catalog;
        let names = |it: Box<dyn Iterator<Item = &str> + '_>, from: usize| -> Vec<String> {
            it.skip(from).map(str::to_string).collect()
        };
        let rec = Record {
            lsn: self.lsn + 1,
            catalog_base: [ol as u64, ot as u64, ok as u64],
            new_names: [
                names(Box::new(graph.label_names()), ol),
                names(Box::new(graph.type_names()), ot),
                names(Box::new(graph.key_names()), ok),
            ],
            changes: changes.to_vec(),
        };
        let payload = codec::encode_record(&rec);
        if payload.len() > MAX_RECORD {
            return Err(Error::io(format!("a transaction of {} bytes is too large for the log", payload.len())));
        }
        let len = (payload.len() as u32).to_le_bytes();
        let mut frame = Vec::with_capacity(FRAME_HEADER + payload.len());
        frame.extend_from_slice(&len);
        frame.extend_from_slice(&crc32(&len).to_le_bytes());
        frame.extend_from_slice(&crc32(&payload).to_le_bytes());
        frame.extend_from_slice(&payload);
        let Some(wal) = self.wal.as_mut() else {
            return Err(Error::internal("the log is not open"));
        };
        let injected = std::mem::take(&mut self.fail_next_append);
        let written = if injected {
            // Half the frame reaches the file, then the disk is "full".
            wal.write_all(frame.get(..frame.len() / 2).unwrap_or_default()).and_then(|_| {
                Err(std::io::Error::new(std::io::ErrorKind::StorageFull, "no space left on device (simulated)"))
            })
        } else {
            wal.write_all(&frame).and_then(|_| wal.sync_data())
        };
        if let Err(e) = written {
            // Cut whatever part reached the file, so the next record follows a valid one.
            // (The file is in append mode: the next write goes to the new end.)
            if wal.set_len(self.wal_len).and_then(|_| wal.sync_data()).is_err() {
                self.poisoned = true;
            }
            return Err(io_err(&wal_path, "write the log", e));
        }
        self.wal_len += frame.len() as u64;
        self.lsn += 1;
        self.logged_catalog = (nl, nt, nk);
        Ok(())
    }

    /// Whether the log has grown enough to checkpoint.
    pub fn wants_checkpoint(&self) -> bool {
        self.mode == DbMode::ReadWrite && self.wal_len > self.checkpoint_bytes
    }

    /// Write `graph` (committed, outside any transaction) as the new snapshot and start
    /// an empty log. Returns the graph rebuilt from that snapshot: its free id slots are
    /// then exactly those a later replay starts from, so ids assigned from now on are the
    /// ones replay will assign. On error the old files stay valid.
    pub fn checkpoint(&mut self, graph: &Graph) -> Result<Graph, Error> {
        if self.mode == DbMode::ReadOnly {
            return Err(Error::io("the database is open read-only"));
        }
        let bytes = snapshot_bytes(graph, self.lsn);
        // Rebuilt from the very bytes written, as the next open will.
        let snap_path = self.dir.join("snapshot");
        let (rebuilt, _) = load_snapshot(&snap_path, &bytes)?;
        write_atomically(&self.dir, "snapshot", &bytes)?;
        // From here on the snapshot is the base of replay, whatever happens to the log:
        // its records are all at or below the snapshot's sequence number.
        write_atomically(&self.dir, "wal", WAL_MAGIC)?;
        let wal_path = self.dir.join("wal");
        let wal = OpenOptions::new().append(true).open(&wal_path).map_err(|e| io_err(&wal_path, "open", e))?;
        self.wal_len = WAL_MAGIC.len() as u64;
        self.wal = Some(wal);
        self.logged_catalog = rebuilt.catalog_lens();
        Ok(rebuilt)
    }

    /// Bytes in the log now (header included).
    pub fn log_len(&self) -> u64 {
        self.wal_len
    }
}

// One value per open, moved straight out: the size difference costs nothing.
#[allow(clippy::large_enum_variant)]
enum Loaded {
    Done(Graph, u64, u64),
    Gap(Error),
}

fn apply_record(graph: &mut Graph, rec: &Record) -> Result<(), Error> {
    let lens = graph.catalog_lens();
    let have = [lens.0 as u64, lens.1 as u64, lens.2 as u64];
    if rec.catalog_base != have {
        return Err(Error::io(format!(
            "the record's catalog starts at {:?} but the graph's is {have:?}",
            rec.catalog_base
        )));
    }
    let [labels, types, keys] = &rec.new_names;
    labels.iter().for_each(|n| {
        graph.intern_label(n);
    });
    types.iter().for_each(|n| {
        graph.intern_type(n);
    });
    keys.iter().for_each(|n| {
        graph.intern_key(n);
    });
    graph.apply_changes(&rec.changes)
}
