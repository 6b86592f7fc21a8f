//! Seed 003, section 4.4: the quiver plot of eq. 4.4.19,
//! f(x, y) = 2x² + 6xy + 7y² − 26x − 54y + 107, with the answer to
//! exercise 4.4.3 drawn on it: the path of a ball let go at (14, 4),
//! followed by gradient descent down to the minimum.
//!
//! Every arrow and every step of the path comes from `f_grad`, the gradient
//! `#[differentiate]` generates; the contour lines are marching squares over
//! `f` itself. Run with `cargo run --example quiver [out.png]` (default
//! `target/quiver.png`).

use std::error::Error;
use std::ops::Range;
use std::path::{Path, PathBuf};

use matdiff::differentiate;
use plotters::coord::{CoordTranslate, Shift};
use plotters::prelude::*;
use plotters::style::colors::colormaps::ViridisRGB;
use plotters::style::{FontStyle, register_font};

/// Eq. 4.4.19.
#[differentiate(no_hessian)]
pub fn f(x: f64, y: f64) -> f64 {
    2.0 * x * x + 6.0 * x * y + 7.0 * y * y - 26.0 * x - 54.0 * y + 107.0
}

/// The chapter's window: `linspace(1, 16, ..)` by `linspace(-3, 6, ..)`.
pub const X_RANGE: Range<f64> = 1.0..16.0;
pub const Y_RANGE: Range<f64> = -3.0..6.0;
/// Samples of the contour grid (`linspace(1, 16, 100)`, `linspace(-3, 6, 90)`).
pub const CONTOUR_SAMPLES: (usize, usize) = (100, 90);
/// Arrow grid (`linspace(1, 16, 15)`, `linspace(-3, 6, 9)`).
pub const ARROW_SAMPLES: (usize, usize) = (15, 9);
/// matplotlib's `quiver(.., scale=400)`: a gradient of length 400 draws an
/// arrow as long as the plot is wide.
pub const ARROW_SCALE: f64 = 400.0;

/// Exercise 4.4.3: where the ball starts.
pub const START: (f64, f64) = (14.0, 4.0);
/// The Hessian [[4, 6], [6, 14]] has eigenvalues 9 ± √61 (about 1.19 and
/// 16.81), so a fixed step converges below 2 / 16.81 ≈ 0.119. At 0.02 a step
/// shrinks the error along the steep direction by 0.66 and along the shallow
/// one by 0.976: the path bends into the valley without the corner a larger
/// step cuts, close to the curve the ball itself follows, in about a
/// thousand steps.
pub const DESCENT_STEP: f64 = 0.02;
/// Stop when the gradient is this small; the distance to the minimum is then
/// at most this over the smaller eigenvalue, about 1e-10.
pub const DESCENT_TOLERANCE: f64 = 1e-10;
const DESCENT_MAX_STEPS: usize = 10_000;

/// The picture: matplotlib's `figsize=(10, 5)` at 100 dpi.
pub const IMAGE_SIZE: (u32, u32) = (1000, 500);
/// The chart on the left, the legend in the panel to its right. The chart's
/// margins are chosen so that a unit of x and a unit of y take the same
/// number of pixels: only then do the arrows cross the contour lines at right
/// angles, as the chapter says gradients do (its own figure stretches x).
pub const CHART_WIDTH: u32 = 745;
const CHART_MARGIN: u32 = 10;
const Y_LABEL_AREA: u32 = 55;
const X_LABEL_AREA: u32 = 51;
const CAPTION_FONT_SIZE: u32 = 22;

pub const ARROW_COLOR: RGBColor = BLUE;
const PATH_COLOR: RGBColor = RGBColor(220, 30, 30);
const MINIMUM_COLOR: RGBColor = RGBColor(0, 150, 60);

/// Shipped with the example so that text renders the same everywhere,
/// without looking for fonts installed on the machine (its licence is beside
/// it).
const FONT: &[u8] = include_bytes!("../assets/fonts/DejaVuSans.ttf");
const FONT_FAMILY: &str = "sans-serif";

/// numpy's `linspace(start, end, count)`, end included.
pub fn linspace(range: &Range<f64>, count: usize) -> Vec<f64> {
    let step = (range.end - range.start) / (count - 1) as f64;
    (0..count).map(|i| range.start + step * i as f64).collect()
}

/// numpy's `logspace(0, 3, 10)`: the chapter's contour levels, 1 to 1000.
pub fn contour_levels() -> Vec<f64> {
    linspace(&(0.0..3.0), 10).into_iter().map(|exponent| 10f64.powf(exponent)).collect()
}

/// One arrow of the quiver plot: where it starts and the gradient there.
pub struct Arrow {
    pub at: (f64, f64),
    pub gradient: [f64; 2],
}

/// The gradient on the arrow grid, by the generated `f_grad`.
pub fn arrows() -> Vec<Arrow> {
    let xs = linspace(&X_RANGE, ARROW_SAMPLES.0);
    let ys = linspace(&Y_RANGE, ARROW_SAMPLES.1);
    ys.iter().flat_map(|&y| xs.iter().map(move |&x| Arrow { at: (x, y), gradient: f_grad(x, y) })).collect()
}

/// Gradient descent from `START` with the fixed `DESCENT_STEP`, every point
/// visited, the start first and the point where the gradient vanished last.
pub fn descent_path() -> Vec<(f64, f64)> {
    let (mut x, mut y) = START;
    let mut path = vec![(x, y)];
    for _ in 0..DESCENT_MAX_STEPS {
        let [gx, gy] = f_grad(x, y);
        if gx.hypot(gy) < DESCENT_TOLERANCE {
            break;
        }
        x -= DESCENT_STEP * gx;
        y -= DESCENT_STEP * gy;
        path.push((x, y));
    }
    path
}

/// One contour level and its lines, each a polyline in (x, y).
pub struct ContourLevel {
    pub level: f64,
    pub lines: Vec<Vec<(f64, f64)>>,
}

/// The contour lines of `f` at the chapter's levels, by marching squares
/// (the `contour` crate) over the chapter's 100 x 90 grid.
pub fn contour_lines() -> Result<Vec<ContourLevel>, Box<dyn Error>> {
    let (columns, rows) = CONTOUR_SAMPLES;
    let xs = linspace(&X_RANGE, columns);
    let ys = linspace(&Y_RANGE, rows);
    // Row by row, x fastest, y growing with the row: the order the crate reads.
    let values: Vec<f64> = ys.iter().flat_map(|&y| xs.iter().map(move |&x| f(x, y))).collect();
    let x_step = xs[1] - xs[0];
    let y_step = ys[1] - ys[0];
    // The crate puts sample i at i + 0.5 (the centre of pixel i, as in d3-contour),
    // so the origin is half a step before the first sample.
    let builder = contour::ContourBuilder::new(columns, rows, true)
        .x_origin(X_RANGE.start - x_step / 2.0)
        .y_origin(Y_RANGE.start - y_step / 2.0)
        .x_step(x_step)
        .y_step(y_step);
    let levels = contour_levels();
    let isolines = builder.lines(&values, &levels)?;
    Ok(isolines
        .iter()
        .map(|isoline| ContourLevel {
            level: isoline.threshold(),
            lines: isoline
                .geometry()
                .0
                .iter()
                .flat_map(|ring| inside_window(ring.0.iter().map(|point| (point.x, point.y))))
                .collect(),
        })
        .collect())
}

/// The crate closes every ring around the region above the level, running
/// along the outside of the grid where that region meets its edge. Those
/// stretches lie half a step outside the window and are no contour line: keep
/// the runs of points inside the window, split where a ring leaves it.
fn inside_window(ring: impl Iterator<Item = (f64, f64)>) -> Vec<Vec<(f64, f64)>> {
    let slack = 1e-9;
    let inside = |x: f64, y: f64| {
        (X_RANGE.start - slack..=X_RANGE.end + slack).contains(&x)
            && (Y_RANGE.start - slack..=Y_RANGE.end + slack).contains(&y)
    };
    let mut runs = Vec::new();
    let mut run: Vec<(f64, f64)> = Vec::new();
    for (x, y) in ring {
        if inside(x, y) {
            run.push((x, y));
        } else if !run.is_empty() {
            runs.push(std::mem::take(&mut run));
        }
    }
    runs.push(run);
    runs.retain(|run| run.len() >= 2);
    runs
}

/// Draws the quiver plot, the contour lines and the descent path into a PNG
/// of `IMAGE_SIZE` at `path`.
pub fn render(path: &Path) -> Result<(), Box<dyn Error>> {
    register_font(FONT_FAMILY, FontStyle::Normal, FONT).map_err(|_| "the shipped font does not parse")?;

    let contours = contour_lines()?;
    let arrows = arrows();
    let descent = descent_path();

    let root = BitMapBackend::new(path, IMAGE_SIZE).into_drawing_area();
    root.fill(&WHITE)?;
    let (chart_area, legend_area) = root.split_horizontally(CHART_WIDTH);

    let mut chart = ChartBuilder::on(&chart_area)
        .caption("quiver plot of 4.4.19, and the ball of exercise 4.4.3", (FONT_FAMILY, CAPTION_FONT_SIZE))
        .margin(CHART_MARGIN)
        .x_label_area_size(X_LABEL_AREA)
        .y_label_area_size(Y_LABEL_AREA)
        .build_cartesian_2d(X_RANGE, Y_RANGE)?;
    chart
        .configure_mesh()
        .disable_mesh()
        .x_desc("x")
        .y_desc("y")
        .axis_desc_style((FONT_FAMILY, 18))
        .label_style((FONT_FAMILY, 14))
        .x_label_formatter(&|x| format!("{x}"))
        .y_label_formatter(&|y| format!("{y}"))
        .draw()?;

    let levels = contour_levels();
    for contour in &contours {
        let color = level_color(contour.level, &levels);
        for line in &contour.lines {
            chart.draw_series(std::iter::once(PathElement::new(line.clone(), color.stroke_width(2))))?;
        }
    }

    // Arrows are drawn in pixels of the plot, which lets them be clipped to it
    // as matplotlib clips them to the axes, and sizes their heads in pixels.
    let plot = chart.plotting_area().strip_coord_spec();
    let (plot_left, plot_top) = chart.plotting_area().get_base_pixel();
    let coordinates = chart.as_coord_spec().clone();
    let (origin, corner) =
        (coordinates.translate(&(X_RANGE.start, Y_RANGE.start)), coordinates.translate(&(X_RANGE.end, Y_RANGE.end)));
    let pixels_per_x = f64::from(corner.0 - origin.0) / (X_RANGE.end - X_RANGE.start);
    let pixels_per_y = f64::from(origin.1 - corner.1) / (Y_RANGE.end - Y_RANGE.start);
    if (pixels_per_x / pixels_per_y - 1.0).abs() > 0.01 {
        return Err(format!("x and y scales differ: {pixels_per_x:.2} and {pixels_per_y:.2} pixels a unit").into());
    }
    let to_plot_pixel = |point: (f64, f64)| {
        let (x, y) = coordinates.translate(&point);
        (x - plot_left, y - plot_top)
    };
    let data_per_gradient = (X_RANGE.end - X_RANGE.start) / ARROW_SCALE;
    for arrow in &arrows {
        let (x, y) = arrow.at;
        let [gx, gy] = arrow.gradient;
        let tip = (x + data_per_gradient * gx, y + data_per_gradient * gy);
        draw_arrow(&plot, to_plot_pixel(arrow.at), to_plot_pixel(tip), ARROW_COLOR)?;
    }

    // Near the end a step moves the ball by much less than a pixel, and a thick
    // line through hundreds of rounded points comes out ragged there: draw it
    // through points a few pixels apart, and through the end.
    let end = *descent.last().expect("the path holds at least its start");
    let mut path_pixels = vec![to_plot_pixel(START)];
    for &point in &descent[1..] {
        let pixel = to_plot_pixel(point);
        let last = path_pixels[path_pixels.len() - 1];
        if (pixel.0 - last.0).pow(2) + (pixel.1 - last.1).pow(2) >= 16 || point == end {
            path_pixels.push(pixel);
        }
    }
    plot.draw(&PathElement::new(path_pixels, PATH_COLOR.stroke_width(3)))?;
    chart.draw_series([
        Circle::new(START, 7, PATH_COLOR.filled()),
        Circle::new(START, 7, BLACK.stroke_width(1)),
        Circle::new(end, 7, MINIMUM_COLOR.filled()),
        Circle::new(end, 7, BLACK.stroke_width(1)),
    ])?;
    let (start_x, start_y) = to_plot_pixel(START);
    draw_note(&plot, "start (14, 4)", (start_x - 45, start_y - 30))?;
    let (end_x, end_y) = to_plot_pixel(end);
    draw_note(&plot, &format!("end ({:.4}, {:.4})", end.0, end.1), (end_x + 12, end_y - 28))?;

    draw_legend(&legend_area, &levels, &contours, descent.len() - 1)?;
    root.present()?;
    Ok(())
}

/// matplotlib colours the levels of a contour plot along viridis by their
/// rank; the palest end is cut off, which would vanish on white.
fn level_color(level: f64, levels: &[f64]) -> RGBColor {
    let rank = levels.iter().position(|&l| l == level).unwrap_or(0);
    ViridisRGB::get_color_normalized(rank as f64, 0.0, (levels.len() - 1) as f64 / 0.85)
}

/// A shaft from `tail` to `tip` and a filled head, in pixels of `area`,
/// clipped to it as matplotlib clips arrows to the axes: the part of the shaft
/// inside, and the head only when all of it is inside.
fn draw_arrow(
    area: &DrawingArea<BitMapBackend, Shift>,
    tail: (i32, i32),
    tip: (i32, i32),
    color: RGBColor,
) -> Result<(), Box<dyn Error>> {
    let (tail, tip) = ((tail.0 as f64, tail.1 as f64), (tip.0 as f64, tip.1 as f64));
    let (dx, dy) = (tip.0 - tail.0, tip.1 - tail.1);
    let length = dx.hypot(dy);
    if length < 1.0 {
        return Ok(());
    }
    let (ux, uy) = (dx / length, dy / length);
    // A short arrow is mostly head, as in matplotlib.
    let head_length = (0.45 * length).min(11.0);
    let head_half_width = head_length * 0.45;
    let base = (tip.0 - ux * head_length, tip.1 - uy * head_length);
    let corner = |side: f64| (base.0 - uy * head_half_width * side, base.1 + ux * head_half_width * side);
    let head = [tip, corner(1.0), corner(-1.0)];

    let (width, height) = area.dim_in_pixel();
    let bounds = (width as f64 - 1.0, height as f64 - 1.0);
    let inside = |(x, y): (f64, f64)| (0.0..=bounds.0).contains(&x) && (0.0..=bounds.1).contains(&y);
    let head_inside = head.iter().all(|&point| inside(point));
    let shaft_end = if head_inside { base } else { tip };
    if let Some((from, to)) = clip_segment(tail, shaft_end, bounds) {
        area.draw(&PathElement::new(vec![to_pixel(from), to_pixel(to)], color.stroke_width(2)))?;
    }
    if head_inside {
        area.draw(&Polygon::new(head.map(to_pixel).to_vec(), color.filled()))?;
    }
    Ok(())
}

fn to_pixel((x, y): (f64, f64)) -> (i32, i32) {
    (x.round() as i32, y.round() as i32)
}

/// The part of the segment from `from` to `to` inside [0, bounds.0] x
/// [0, bounds.1] (Liang-Barsky), if any: plotters would move the points of a
/// path that leaves the area onto its edge, drawing lines along the border.
fn clip_segment(from: (f64, f64), to: (f64, f64), bounds: (f64, f64)) -> Option<((f64, f64), (f64, f64))> {
    let (dx, dy) = (to.0 - from.0, to.1 - from.1);
    let (mut enter, mut leave) = (0.0f64, 1.0f64);
    // Each edge as (-direction, distance inside): the segment is inside where
    // t * direction <= distance.
    for (direction, distance) in [(-dx, from.0), (dx, bounds.0 - from.0), (-dy, from.1), (dy, bounds.1 - from.1)] {
        if direction == 0.0 {
            if distance < 0.0 {
                return None;
            }
        } else {
            let t = distance / direction;
            if direction < 0.0 {
                enter = enter.max(t);
            } else {
                leave = leave.min(t);
            }
        }
    }
    (enter <= leave).then_some(((from.0 + enter * dx, from.1 + enter * dy), (from.0 + leave * dx, from.1 + leave * dy)))
}

/// A note on the chart, on a pale box so that lines under it do not hide it.
fn draw_note(area: &DrawingArea<BitMapBackend, Shift>, text: &str, at: (i32, i32)) -> Result<(), Box<dyn Error>> {
    let font = (FONT_FAMILY, 15).into_font().color(&BLACK);
    let (width, height) = area.estimate_text_size(text, &font)?;
    let (width, height) = (width as i32, height as i32);
    area.draw(&Rectangle::new([(at.0 - 3, at.1 - 2), (at.0 + width + 3, at.1 + height + 4)], WHITE.mix(0.8).filled()))?;
    area.draw_text(text, &font, at)?;
    Ok(())
}

/// Three significant digits, as a level is read: 2.15, 46.4, 215.
fn three_digits(value: f64) -> String {
    let decimals = (2 - value.abs().log10().floor() as i32).max(0) as usize;
    format!("{value:.decimals$}")
}

/// The key, in the panel right of the chart: what each mark is and the
/// colour of each contour level.
fn draw_legend(
    area: &DrawingArea<BitMapBackend, Shift>,
    levels: &[f64],
    contours: &[ContourLevel],
    descent_steps: usize,
) -> Result<(), Box<dyn Error>> {
    let text = (FONT_FAMILY, 15).into_font().color(&BLACK);
    let small = (FONT_FAMILY, 13).into_font().color(&BLACK);
    let left = 8;
    let sample_end = left + 30;
    let text_left = sample_end + 10;
    let mut row = 58;
    let line_height = 22;

    area.draw_text("f(x, y) = 2x² + 6xy + 7y²", &small, (left, 20))?;
    area.draw_text("           − 26x − 54y + 107  (4.4.19)", &small, (left, 36))?;

    draw_arrow(area, (left, row + 8), (sample_end, row + 8), ARROW_COLOR)?;
    area.draw_text("∇f = f_grad(x, y), scale 400", &text, (text_left, row))?;
    row += line_height;
    area.draw(&PathElement::new(vec![(left, row + 8), (sample_end, row + 8)], PATH_COLOR.stroke_width(3)))?;
    area.draw_text(&format!("descent, step {DESCENT_STEP}, {descent_steps} steps"), &text, (text_left, row))?;
    row += line_height;
    area.draw(&Circle::new((left + 15, row + 8), 6, PATH_COLOR.filled()))?;
    area.draw_text("start (14, 4), exercise 4.4.3", &text, (text_left, row))?;
    row += line_height;
    area.draw(&Circle::new((left + 15, row + 8), 6, MINIMUM_COLOR.filled()))?;
    area.draw_text("minimum (2, 3), where ∇f = 0", &text, (text_left, row))?;
    row += line_height + 12;

    area.draw_text("contour levels f = logspace(0, 3, 10)", &text, (left, row))?;
    row += line_height;
    for &level in levels {
        let drawn = contours.iter().any(|contour| contour.level == level && !contour.lines.is_empty());
        let label =
            if drawn { three_digits(level) } else { format!("{} (above f on this window)", three_digits(level)) };
        area.draw(&PathElement::new(
            vec![(left, row + 8), (sample_end, row + 8)],
            level_color(level, levels).stroke_width(2),
        ))?;
        area.draw_text(&label, &text, (text_left, row))?;
        row += line_height - 2;
    }
    Ok(())
}

fn main() -> Result<(), Box<dyn Error>> {
    let path = std::env::args_os().nth(1).map(PathBuf::from).unwrap_or_else(|| PathBuf::from("target/quiver.png"));
    if let Some(folder) = path.parent().filter(|folder| !folder.as_os_str().is_empty()) {
        std::fs::create_dir_all(folder)?;
    }
    render(&path)?;
    println!("{}", path.display());
    Ok(())
}
