//! The quiver plot of `examples/quiver.rs`: the numbers it is drawn from
//! against their closed forms, and the PNG it writes.

// The example is a binary; this takes its code as a module (its `main` is
// then unused here).
#[allow(dead_code)]
#[path = "../examples/quiver.rs"]
mod quiver;

use std::collections::HashSet;

use quiver::{ARROW_SAMPLES, CONTOUR_SAMPLES, IMAGE_SIZE, START, X_RANGE, Y_RANGE};

/// Eq. 4.4.18, the gradient by hand.
fn gradient_by_hand(x: f64, y: f64) -> [f64; 2] {
    [4.0 * x + 6.0 * y - 26.0, 6.0 * x + 14.0 * y - 54.0]
}

/// Where the gradient vanishes: 4x + 6y = 26, 6x + 14y = 54, by Cramer's rule.
fn minimum_by_hand() -> (f64, f64) {
    let determinant = 4.0 * 14.0 - 6.0 * 6.0;
    ((26.0 * 14.0 - 6.0 * 54.0) / determinant, (4.0 * 54.0 - 26.0 * 6.0) / determinant)
}

#[test]
fn the_minimum_is_at_two_three_where_f_is_zero() {
    assert_eq!(minimum_by_hand(), (2.0, 3.0));
    assert_eq!(quiver::f(2.0, 3.0), 0.0);
    assert_eq!(quiver::f_grad(2.0, 3.0), [0.0, 0.0]);
}

#[test]
fn arrows_are_the_generated_gradient_on_the_chapters_grid() {
    let arrows = quiver::arrows();
    assert_eq!(arrows.len(), ARROW_SAMPLES.0 * ARROW_SAMPLES.1);
    let corners: HashSet<(i64, i64)> =
        arrows.iter().map(|arrow| (arrow.at.0.round() as i64, arrow.at.1.round() as i64)).collect();
    for corner in [(1, -3), (16, -3), (1, 6), (16, 6)] {
        assert!(corners.contains(&corner), "no arrow at the corner {corner:?}");
    }
    for arrow in &arrows {
        let (x, y) = arrow.at;
        let expected = gradient_by_hand(x, y);
        for (generated, by_hand) in arrow.gradient.iter().zip(expected) {
            assert!((generated - by_hand).abs() <= 1e-12 * (1.0 + by_hand.abs()), "at ({x}, {y})");
        }
    }
}

#[test]
fn descent_from_fourteen_four_ends_at_the_minimum() {
    let path = quiver::descent_path();
    assert_eq!(path[0], START);
    let (x_min, y_min) = minimum_by_hand();
    let &(x, y) = path.last().unwrap();
    assert!((x - x_min).hypot(y - y_min) < 1e-6, "ended at ({x}, {y})");
    // Downhill all the way: each step lowers f, until f is within rounding of
    // 0 (the terms of f are about 100 there, and cancel).
    for pair in path.windows(2) {
        let (before, after) = (quiver::f(pair[0].0, pair[0].1), quiver::f(pair[1].0, pair[1].1));
        assert!(after < before || before < 1e-10, "f rose from {before} to {after}");
    }
}

#[test]
fn contour_lines_lie_on_their_levels_inside_the_window() {
    let contours = quiver::contour_lines().unwrap();
    let levels = quiver::contour_levels();
    assert_eq!(levels.len(), 10);
    assert!((levels[0] - 1.0).abs() < 1e-12 && (levels[9] - 1000.0).abs() < 1e-9);
    // f is convex, so its largest value on the window is at a corner.
    let highest = [(X_RANGE.start, Y_RANGE.start), (X_RANGE.start, Y_RANGE.end), (X_RANGE.end, Y_RANGE.start)]
        .into_iter()
        .chain([(X_RANGE.end, Y_RANGE.end)])
        .map(|(x, y)| quiver::f(x, y))
        .fold(f64::MIN, f64::max);
    // Linear interpolation along a grid edge of length h misses a quadratic
    // by at most h² f'' / 8: 0.012 across x (h = 15/99, f_xx = 4) and
    // 0.018 across y (h = 9/89, f_yy = 14).
    let (columns, rows) = CONTOUR_SAMPLES;
    let h_x = (X_RANGE.end - X_RANGE.start) / (columns - 1) as f64;
    let h_y = (Y_RANGE.end - Y_RANGE.start) / (rows - 1) as f64;
    let interpolation_error = (h_x * h_x * 4.0).max(h_y * h_y * 14.0) / 8.0 + 1e-9;
    assert_eq!(contours.len(), levels.len());
    for (contour, &level) in contours.iter().zip(&levels) {
        assert_eq!(contour.level, level);
        assert_eq!(!contour.lines.is_empty(), level < highest, "level {level}");
        for point in contour.lines.iter().flatten() {
            let (x, y) = *point;
            // The window's edges, give or take the rounding of origin + step * i.
            let slack = 1e-9;
            assert!(X_RANGE.start - slack <= x && x <= X_RANGE.end + slack, "x = {x} outside the window");
            assert!(Y_RANGE.start - slack <= y && y <= Y_RANGE.end + slack, "y = {y} outside the window");
            let off = (quiver::f(x, y) - level).abs();
            assert!(off <= interpolation_error, "f({x}, {y}) is {off} off its level {level}");
        }
    }
}

#[test]
fn render_writes_a_png_with_blue_arrows() {
    let path = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("quiver_test.png");
    let _ = std::fs::remove_file(&path);
    quiver::render(&path).unwrap();

    let image = image::open(&path).unwrap().to_rgb8();
    assert_eq!(image.dimensions(), IMAGE_SIZE);
    let colors: HashSet<[u8; 3]> = image.pixels().map(|pixel| pixel.0).collect();
    assert!(colors.len() > 2, "only {} colours", colors.len());
    // Arrow blue, inside the chart (the legend's sample arrow is right of it).
    let arrow_blue = quiver::ARROW_COLOR;
    let blue_in_chart = image
        .enumerate_pixels()
        .filter(|(x, _, pixel)| *x < quiver::CHART_WIDTH && pixel.0 == [arrow_blue.0, arrow_blue.1, arrow_blue.2])
        .count();
    assert!(blue_in_chart > 1000, "{blue_in_chart} blue pixels");
}
