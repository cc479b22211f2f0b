fn main() {
    let mut e = meridian::Engine::new();
    let args: Vec<String> = std::env::args().skip(1).collect();
    for q in args {
        match e.execute(&q, &Default::default()) {
            Ok(out) => {
                if let Some(p) = &out.plan {
                    println!("{p}");
                }
                println!("{:?}", out.columns);
                for r in &out.rows {
                    println!("{}", r.iter().map(|v| v.display(&out).to_string()).collect::<Vec<_>>().join(" | "));
                }
                println!("{:?}", out.stats);
            }
            Err(err) => println!("{}", meridian::error::render(&err, "q", &q)),
        }
    }
}
