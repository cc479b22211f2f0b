//! Hash aggregation: groups rows by their key values (equivalence, so null groups with
//! null and 1 with 1.0) and folds each group's aggregates. Groups come out in the order
//! they were first seen. Without grouping keys, an empty input still yields one row.

use std::collections::{HashMap, HashSet, VecDeque};

use super::ops::Operator;
use super::{Ctx, Row, eval};
use crate::bind::{self, AggFunc, Slot};
use crate::error::{Error, ErrorKind};
use crate::value::Value;

pub(crate) struct HashAggregate<'o> {
    input: Option<Box<dyn Operator + 'o>>,
    keys: &'o [(bind::Expr, Slot)],
    aggs: &'o [(bind::AggCall, Slot)],
    out: VecDeque<Row>,
}

impl<'o> HashAggregate<'o> {
    pub(crate) fn new(
        input: Box<dyn Operator + 'o>,
        keys: &'o [(bind::Expr, Slot)],
        aggs: &'o [(bind::AggCall, Slot)],
    ) -> Self {
        HashAggregate { input: Some(input), keys, aggs, out: VecDeque::new() }
    }
}

/// The running state of one aggregate in one group.
enum Acc {
    Count(i64),
    Sum {
        int: i64,
        float: f64,
        is_float: bool,
    },
    Avg {
        sum: f64,
        n: u64,
    },
    Min(Value),
    Max(Value),
    Collect(Vec<Value>),
    /// stDev, stDevP, percentiles: all values, then computed at the end.
    Values(Vec<f64>, Option<f64>),
}

struct Group {
    accs: Vec<Acc>,
    /// DISTINCT aggregates: values seen so far.
    seen: Vec<HashSet<Value>>,
}

fn new_acc(f: AggFunc) -> Acc {
    match f {
        AggFunc::Count | AggFunc::CountStar => Acc::Count(0),
        AggFunc::Sum => Acc::Sum { int: 0, float: 0.0, is_float: false },
        AggFunc::Avg => Acc::Avg { sum: 0.0, n: 0 },
        AggFunc::Min => Acc::Min(Value::Null),
        AggFunc::Max => Acc::Max(Value::Null),
        AggFunc::Collect => Acc::Collect(Vec::new()),
        AggFunc::StDev | AggFunc::StDevP | AggFunc::PercentileCont | AggFunc::PercentileDisc => {
            Acc::Values(Vec::new(), None)
        }
    }
}

fn not_number(f: AggFunc, v: &Value) -> Error {
    Error::runtime(
        ErrorKind::TypeError,
        "InvalidArgumentType",
        format!("{}() expects numbers, got {}", f.name(), v.type_name()),
    )
}

impl Acc {
    fn add(&mut self, f: AggFunc, v: Value, extra: Option<Value>) -> Result<(), Error> {
        if f == AggFunc::CountStar {
            if let Acc::Count(n) = self {
                *n += 1;
            }
            return Ok(());
        }
        if v.is_null() {
            return Ok(());
        }
        match self {
            Acc::Count(n) => *n += 1,
            Acc::Sum { int, float, is_float } => match v {
                Value::Int(i) => {
                    if *is_float {
                        *float += i as f64;
                    } else {
                        *int = int.checked_add(i).ok_or_else(|| {
                            Error::runtime(ErrorKind::ArithmeticError, "IntegerOverflow", "integer overflow in sum()")
                        })?;
                    }
                }
                Value::Float(x) => {
                    if !*is_float {
                        *is_float = true;
                        *float = *int as f64;
                    }
                    *float += x;
                }
                v => return Err(not_number(f, &v)),
            },
            Acc::Avg { sum, n } => match v {
                Value::Int(i) => {
                    *sum += i as f64;
                    *n += 1;
                }
                Value::Float(x) => {
                    *sum += x;
                    *n += 1;
                }
                v => return Err(not_number(f, &v)),
            },
            Acc::Min(m) => {
                if m.is_null() || v.order(m) == std::cmp::Ordering::Less {
                    *m = v;
                }
            }
            Acc::Max(m) => {
                if m.is_null() || v.order(m) == std::cmp::Ordering::Greater {
                    *m = v;
                }
            }
            Acc::Collect(items) => items.push(v),
            Acc::Values(items, p) => {
                match v {
                    Value::Int(i) => items.push(i as f64),
                    Value::Float(x) => items.push(x),
                    v => return Err(not_number(f, &v)),
                }
                if p.is_none() {
                    if let Some(e) = extra {
                        *p = Some(percentile_arg(&e)?);
                    }
                }
            }
        }
        Ok(())
    }

    fn finish(self, f: AggFunc) -> Value {
        match self {
            Acc::Count(n) => Value::Int(n),
            Acc::Sum { int, float, is_float } => {
                if is_float {
                    Value::Float(float)
                } else {
                    Value::Int(int)
                }
            }
            Acc::Avg { sum, n } => {
                if n == 0 {
                    Value::Null
                } else {
                    Value::Float(sum / n as f64)
                }
            }
            Acc::Min(v) | Acc::Max(v) => v,
            Acc::Collect(items) => Value::List(items),
            Acc::Values(mut items, p) => match f {
                AggFunc::StDev | AggFunc::StDevP => {
                    let n = items.len() as f64;
                    let denom = if f == AggFunc::StDev { n - 1.0 } else { n };
                    if items.is_empty() || denom <= 0.0 {
                        return Value::Float(0.0);
                    }
                    let mean = items.iter().sum::<f64>() / n;
                    let var = items.iter().map(|x| (x - mean) * (x - mean)).sum::<f64>() / denom;
                    Value::Float(var.sqrt())
                }
                _ => {
                    if items.is_empty() {
                        return Value::Null;
                    }
                    items.sort_by(|a, b| a.total_cmp(b));
                    let p = p.unwrap_or(0.0);
                    let n = items.len();
                    if f == AggFunc::PercentileDisc {
                        let idx =
                            if p == 0.0 { 0 } else { ((p * n as f64).ceil() as usize).saturating_sub(1).min(n - 1) };
                        Value::Float(items[idx])
                    } else {
                        let pos = p * (n - 1) as f64;
                        let lo = pos.floor() as usize;
                        let hi = pos.ceil() as usize;
                        let frac = pos - lo as f64;
                        Value::Float(items[lo] + (items[hi.min(n - 1)] - items[lo]) * frac)
                    }
                }
            },
        }
    }
}

fn percentile_arg(v: &Value) -> Result<f64, Error> {
    let p = match v {
        Value::Int(i) => *i as f64,
        Value::Float(f) => *f,
        v => {
            return Err(Error::runtime(
                ErrorKind::TypeError,
                "InvalidArgumentType",
                format!("a percentile must be a number, got {}", v.type_name()),
            ));
        }
    };
    if !(0.0..=1.0).contains(&p) {
        return Err(Error::runtime(
            ErrorKind::ArgumentError,
            "NumberOutOfRange",
            format!("a percentile must be between 0.0 and 1.0, got {p}"),
        ));
    }
    Ok(p)
}

impl Operator for HashAggregate<'_> {
    fn next(&mut self, ctx: &Ctx) -> Result<Option<Row>, Error> {
        let Some(mut input) = self.input.take() else {
            return Ok(self.out.pop_front());
        };
        let mut index: HashMap<Vec<Value>, usize> = HashMap::new();
        let mut groups: Vec<(Vec<Value>, Group)> = Vec::new();
        while let Some(row) = input.next(ctx)? {
            ctx.tick()?;
            let key = self.keys.iter().map(|(e, _)| eval(e, &row, ctx)).collect::<Result<Vec<_>, _>>()?;
            let gi = match index.get(&key) {
                Some(i) => *i,
                None => {
                    ctx.charge(super::row_size(&key) + 64 * self.aggs.len())?;
                    let g = Group {
                        accs: self.aggs.iter().map(|(a, _)| new_acc(a.func)).collect(),
                        seen: self.aggs.iter().map(|_| HashSet::new()).collect(),
                    };
                    groups.push((key.clone(), g));
                    index.insert(key, groups.len() - 1);
                    groups.len() - 1
                }
            };
            let group = &mut groups[gi].1;
            for (i, (call, _)) in self.aggs.iter().enumerate() {
                let v = match call.args.first() {
                    Some(e) => eval(e, &row, ctx)?,
                    None => Value::Null,
                };
                let extra = call.args.get(1).map(|e| eval(e, &row, ctx)).transpose()?;
                if call.distinct && !v.is_null() && !group.seen[i].insert(v.clone()) {
                    continue;
                }
                // collect() and the percentiles keep every value.
                if matches!(
                    call.func,
                    AggFunc::Collect
                        | AggFunc::PercentileCont
                        | AggFunc::PercentileDisc
                        | AggFunc::StDev
                        | AggFunc::StDevP
                ) || call.distinct
                {
                    ctx.charge(v.approx_size())?;
                }
                group.accs[i].add(call.func, v, extra)?;
            }
        }
        if groups.is_empty() && self.keys.is_empty() {
            let g = Group { accs: self.aggs.iter().map(|(a, _)| new_acc(a.func)).collect(), seen: Vec::new() };
            groups.push((Vec::new(), g));
        }
        let width = ctx.n_slots;
        for (key, group) in groups {
            let mut row = vec![Value::Null; width];
            for ((_, slot), v) in self.keys.iter().zip(key) {
                row[slot.0] = v;
            }
            for ((call, slot), acc) in self.aggs.iter().zip(group.accs) {
                row[slot.0] = acc.finish(call.func);
            }
            self.out.push_back(row);
        }
        Ok(self.out.pop_front())
    }
}
