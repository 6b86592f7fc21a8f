//! Applying a caller's seed to cotangents computed with the seed 1: the
//! product rule, checked on small values worked by hand.

use matdiff_core::calling::{reseed_array, reseed_cotangent, reseed_scalar, reseed_vec};
use matdiff_core::matrix::reseed_matrix;
use nalgebra::DMatrix;

#[test]
fn a_cotangent_scales_by_the_seed() {
    assert_eq!(reseed_cotangent(2.0, 3.0), 6.0);
    assert_eq!(reseed_cotangent(-0.5, [2.0, 4.0]), [-1.0, -2.0]);
    assert_eq!(reseed_cotangent(3.0, vec![1.0, -1.0]), vec![3.0, -3.0]);
}

#[test]
fn a_tangent_takes_both_terms_of_the_product_rule() {
    // d/dt [s(t) c(t)] = s c' + s' c, with s = 2, s' = (1, 0.5) along two
    // directions, c = 3 and c' = (4, 5).
    assert_eq!(reseed_scalar(2.0, &[1.0, 0.5], &3.0, [4.0, 5.0]), [11.0, 11.5]);
    assert_eq!(reseed_scalar(2.0, &0.25, &4.0, 1.0), 3.0);
    assert_eq!(reseed_array(2.0, &0.5, &[1.0, 2.0], [3.0, 4.0]), [6.5, 9.0]);
    assert_eq!(reseed_vec(-1.0, &[1.0, 2.0], &[3.0], vec![[1.0, 1.0]]), vec![[2.0, 5.0]]);
    let m = reseed_matrix(2.0, &0.5, &DMatrix::from_element(2, 2, 4.0), DMatrix::from_element(2, 2, 1.0));
    assert_eq!(m, DMatrix::from_element(2, 2, 4.0));
}
