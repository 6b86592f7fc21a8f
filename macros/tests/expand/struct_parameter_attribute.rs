fn bowl(p: &Point, k: f64) -> f64 {
    k * p.x * p.x + p.y * p.x
}
Point! {
    (wrt(p)) { fn bowl(p : & Point, k : f64) -> f64 { k * p.x * p.x + p.y * p.x } } [p]
    []
}
