//! Deterministic, seeded generator of the social graph that the performance benchmark
//! (issue 6, README "Performance") loads into Meridian and its peers. It writes CSV
//! files in the neo4j-admin header convention that `meridian import` reads, plus
//! `params.json`: the query parameters of the workload (`benches/workload.cypher`),
//! chosen from the generated graph, and the entity counts. It only writes files into
//! the output folder; it never runs queries and uses no dependency beyond the crate's.
//!
//! ```text
//! cargo run --release --example gen_social -- --persons 100000 --out bench-data/100k [--seed 42]
//! ```
//!
//! The graph, for N persons (ids 0..N in every group):
//! * `Person(id, firstName, lastName, age, gender)`; `Country(id, name)` (50),
//!   `City(id, name)` (max(20, N/500)), `Company(id, name)` (max(10, N/200));
//! * `KNOWS` Person→Person with `since`: out-degrees follow a Pareto law (α = 2,
//!   mean about 20, capped); half of the targets are near the source id (so there are
//!   triangles), half are drawn with a bias towards low ids (so there are hubs); no
//!   self-loops and no parallel edges;
//! * `LIVES_IN` Person→City (skewed towards low city ids), `IN` City→Country,
//!   `WORKS_AT` Person→Company with `from` (nine persons in ten).
//!
//! Same seed and N give byte-identical files. Rows are written through large buffers
//! with a reused formatting buffer, so 1M persons (about 20M KNOWS) take seconds.

use std::fs::{self, File};
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

const FIRST_NAMES: &[&str] = &[
    "Aaron", "Abigail", "Adam", "Alice", "Amir", "Anna", "Arjun", "Ava", "Ben", "Carla", "Chen", "Daniel", "Elena",
    "Emma", "Farid", "Grace", "Hana", "Ivan", "Jack", "Julia", "Karim", "Laura", "Liam", "Maria", "Mei", "Noah",
    "Olga", "Omar", "Paul", "Priya", "Sara", "Tom",
];
const LAST_NAMES: &[&str] = &[
    "Adams", "Baker", "Chen", "Costa", "Dubois", "Evans", "Fischer", "Garcia", "Haddad", "Ito", "Jensen", "Kim",
    "Kowalski", "Lopez", "Martin", "Meyer", "Nakamura", "Novak", "Okafor", "Patel", "Rossi", "Sato", "Schmidt",
    "Silva", "Smith", "Tanaka", "Ueda", "Virtanen", "Wang", "Weber", "Yilmaz", "Zhang",
];
const COUNTRIES: u64 = 50;
const AVG_KNOWS: f64 = 20.0;
/// Half of the KNOWS targets lie within this distance of the source id.
const LOCAL_WINDOW: u64 = 50;

/// splitmix64: tiny, fast, and good enough to drive a synthetic data set.
struct Rng(u64);

impl Rng {
    fn new(seed: u64, stream: u64) -> Rng {
        let mut r = Rng(seed ^ stream.wrapping_mul(0xA076_1D64_78BD_642F));
        r.next();
        r
    }
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// Uniform in [0, 1).
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
    /// Uniform in [0, n); n > 0.
    fn below(&mut self, n: u64) -> u64 {
        ((self.next() as u128 * n as u128) >> 64) as u64
    }
}

/// A buffered CSV writer that formats integers without allocating.
struct Csv {
    out: BufWriter<File>,
    digits: [u8; 20],
}

impl Csv {
    fn create(dir: &Path, name: &str, header: &str) -> io::Result<Csv> {
        let file = File::create(dir.join(name))?;
        let mut csv = Csv { out: BufWriter::with_capacity(1 << 20, file), digits: [0; 20] };
        csv.out.write_all(header.as_bytes())?;
        csv.out.write_all(b"\n")?;
        Ok(csv)
    }
    fn int(&mut self, mut v: u64) -> io::Result<()> {
        let mut i = self.digits.len();
        loop {
            i -= 1;
            self.digits[i] = b'0' + (v % 10) as u8;
            v /= 10;
            if v == 0 {
                break;
            }
        }
        self.out.write_all(&self.digits[i..])
    }
    fn text(&mut self, s: &str) -> io::Result<()> {
        self.out.write_all(s.as_bytes())
    }
    fn sep(&mut self) -> io::Result<()> {
        self.out.write_all(b",")
    }
    fn end(&mut self) -> io::Result<()> {
        self.out.write_all(b"\n")
    }
    fn finish(mut self) -> io::Result<()> {
        self.out.flush()
    }
}

struct Args {
    persons: u64,
    seed: u64,
    out: PathBuf,
}

fn parse_args() -> Result<Args, String> {
    let mut args = Args { persons: 10_000, seed: 42, out: PathBuf::from("bench-data/10k") };
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        let mut value = |name: &str| it.next().ok_or(format!("{name} needs a value"));
        match a.as_str() {
            "--persons" => {
                let v = value("--persons")?;
                args.persons = parse_count(&v).ok_or(format!("bad --persons `{v}`"))?;
            }
            "--seed" => {
                let v = value("--seed")?;
                args.seed = v.parse().map_err(|_| format!("bad --seed `{v}`"))?;
            }
            "--out" => args.out = PathBuf::from(value("--out")?),
            "-h" | "--help" => {
                return Err("usage: gen_social [--persons N (10k, 1M, ...)] [--seed S] [--out DIR]".into());
            }
            other => return Err(format!("unknown argument `{other}`")),
        }
    }
    if args.persons < 100 {
        return Err("--persons must be at least 100".into());
    }
    Ok(args)
}

/// `10000`, `10k`, `1M`.
fn parse_count(s: &str) -> Option<u64> {
    let (num, mul) = match s.as_bytes().last()? {
        b'k' | b'K' => (&s[..s.len() - 1], 1_000),
        b'm' | b'M' => (&s[..s.len() - 1], 1_000_000),
        _ => (s, 1),
    };
    num.parse::<u64>().ok()?.checked_mul(mul)
}

/// Out-degree of one person: Pareto(α = 2) scaled to mean `AVG_KNOWS`, capped.
fn out_degree(rng: &mut Rng, cap: u64) -> u64 {
    let u = 1.0 - rng.unit(); // (0, 1]
    let xm = AVG_KNOWS / 2.0 + 0.5; // +0.5 compensates the floor
    ((xm / u.sqrt()) as u64).min(cap)
}

/// Fill `targets` (sorted, distinct, without `src`) with `degree` KNOWS targets.
/// Candidates are drawn in rounds and deduplicated by sorting, so hubs with thousands
/// of targets cost n log n, not n².
fn knows_targets(rng: &mut Rng, src: u64, n: u64, degree: u64, targets: &mut Vec<u64>) {
    targets.clear();
    for _round in 0..16 {
        while (targets.len() as u64) < degree {
            let dst = if rng.next() & 1 == 0 {
                let off = 1 + rng.below(LOCAL_WINDOW);
                if rng.next() & 1 == 0 { (src + off) % n } else { (src + n - off) % n }
            } else {
                // u² puts the density near 0: low ids become hubs.
                let u = rng.unit();
                ((u * u * n as f64) as u64).min(n - 1)
            };
            if dst != src {
                targets.push(dst);
            }
        }
        targets.sort_unstable();
        targets.dedup();
        if targets.len() as u64 >= degree {
            break;
        }
    }
}

fn generate(args: &Args) -> io::Result<String> {
    let n = args.persons;
    let cities = (n / 500).max(20);
    let companies = (n / 200).max(10);
    let dir = &args.out;
    fs::create_dir_all(dir)?;

    let mut countries = Csv::create(dir, "countries.csv", ":ID(Country),id:int,name:string")?;
    for c in 0..COUNTRIES {
        countries.int(c)?;
        countries.sep()?;
        countries.int(c)?;
        countries.text(",Country")?;
        countries.int(c)?;
        countries.end()?;
    }
    countries.finish()?;

    let mut rng = Rng::new(args.seed, 1);
    let mut city_file = Csv::create(dir, "cities.csv", ":ID(City),id:int,name:string")?;
    let mut city_in = Csv::create(dir, "city_in.csv", ":START_ID(City),:END_ID(Country)")?;
    for c in 0..cities {
        city_file.int(c)?;
        city_file.sep()?;
        city_file.int(c)?;
        city_file.text(",City")?;
        city_file.int(c)?;
        city_file.end()?;
        city_in.int(c)?;
        city_in.sep()?;
        city_in.int(rng.below(COUNTRIES))?;
        city_in.end()?;
    }
    city_file.finish()?;
    city_in.finish()?;

    let mut company_file = Csv::create(dir, "companies.csv", ":ID(Company),id:int,name:string")?;
    for c in 0..companies {
        company_file.int(c)?;
        company_file.sep()?;
        company_file.int(c)?;
        company_file.text(",Company")?;
        company_file.int(c)?;
        company_file.end()?;
    }
    company_file.finish()?;

    let mut persons =
        Csv::create(dir, "persons.csv", ":ID(Person),id:int,firstName:string,lastName:string,age:int,gender:string")?;
    let mut lives = Csv::create(dir, "lives_in.csv", ":START_ID(Person),:END_ID(City)")?;
    let mut works = Csv::create(dir, "works_at.csv", ":START_ID(Person),:END_ID(Company),from:int")?;
    let mut knows = Csv::create(dir, "knows.csv", ":START_ID(Person),:END_ID(Person),since:int")?;
    let mut rng = Rng::new(args.seed, 2);
    let mut targets = Vec::with_capacity(1024);
    let cap = (n / 4).min(5_000);
    let (mut knows_count, mut works_count) = (0u64, 0u64);
    // The person of Q1-Q3, Q6, Q7 and Q9: the first one from N/3 on with a typical degree.
    let mut person = None;
    for p in 0..n {
        persons.int(p)?;
        persons.sep()?;
        persons.int(p)?;
        persons.sep()?;
        persons.text(FIRST_NAMES[rng.below(FIRST_NAMES.len() as u64) as usize])?;
        persons.sep()?;
        persons.text(LAST_NAMES[rng.below(LAST_NAMES.len() as u64) as usize])?;
        persons.sep()?;
        persons.int(18 + rng.below(63))?;
        persons.text(if rng.next() & 1 == 0 { ",female" } else { ",male" })?;
        persons.end()?;

        let u = rng.unit();
        lives.int(p)?;
        lives.sep()?;
        lives.int(((u * u * cities as f64) as u64).min(cities - 1))?;
        lives.end()?;

        if rng.below(10) != 0 {
            works.int(p)?;
            works.sep()?;
            works.int(rng.below(companies))?;
            works.sep()?;
            works.int(2000 + rng.below(25))?;
            works.end()?;
            works_count += 1;
        }

        let degree = out_degree(&mut rng, cap);
        knows_targets(&mut rng, p, n, degree, &mut targets);
        if person.is_none() && p >= n / 3 && (18..=22).contains(&targets.len()) {
            person = Some(p);
        }
        for &dst in &targets {
            knows.int(p)?;
            knows.sep()?;
            knows.int(dst)?;
            knows.sep()?;
            knows.int(1990 + rng.below(35))?;
            knows.end()?;
        }
        knows_count += targets.len() as u64;
    }
    persons.finish()?;
    lives.finish()?;
    works.finish()?;
    knows.finish()?;

    let person = person.unwrap_or(n / 3);
    let other = (2 * n / 3 + 7) % n;
    let width = 2_000.min(n / 2);
    let lo = n / 2;
    let params = format!(
        concat!(
            "{{\"persons\": {}, \"seed\": {},\n",
            " \"params\": {{\"person\": {}, \"other\": {}, \"lo\": {}, \"hi\": {}}},\n",
            " \"counts\": {{\"Person\": {}, \"City\": {}, \"Country\": {}, \"Company\": {}, ",
            "\"KNOWS\": {}, \"LIVES_IN\": {}, \"IN\": {}, \"WORKS_AT\": {}}}}}\n"
        ),
        n,
        args.seed,
        person,
        other,
        lo,
        lo + width,
        n,
        cities,
        COUNTRIES,
        companies,
        knows_count,
        n,
        cities,
        works_count
    );
    fs::write(dir.join("params.json"), &params)?;
    Ok(params)
}

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(a) => a,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(2);
        }
    };
    let start = std::time::Instant::now();
    match generate(&args) {
        Ok(params) => {
            eprintln!("wrote {} in {:.2} s", args.out.display(), start.elapsed().as_secs_f64());
            print!("{params}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("cannot write {}: {e}", args.out.display());
            ExitCode::from(2)
        }
    }
}
