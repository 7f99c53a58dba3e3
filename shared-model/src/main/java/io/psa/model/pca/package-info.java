/**
 * PCA monitoring statistics, Hotelling's T² and the squared prediction error Q (SPE), in pure
 * Java: J. E. Jackson and G. S. Mudholkar, "Control procedures for residuals associated with
 * principal component analysis", Technometrics 21 (1979); the per-feature decomposition follows
 * Alcala and Qin, "Reconstruction-based contribution for process monitoring", Automatica 45 (2009)
 * (complete decomposition contributions).
 *
 * <p>Fit: covariance of the scaled training rows, eigen-decomposition by cyclic Jacobi rotations
 * ({@link io.psa.model.pca.SymmetricEigen}), the leading components up to the explained-variance
 * fraction {@code pca_variance} [0.95]. Score of a row {@code x} (centred by the training mean):
 * {@code T²/t2_ref + Q/q_ref}, each statistic divided by its training quantile at {@code
 * pca_ref_quantile} [0.99], so that neither dominates by units.
 *
 * <p>File {@code pca.bin}, little-endian: the 8 ASCII bytes {@code PSAPCA01}; int32 {@code d}
 * (features); int32 {@code k} (kept components); float64 {@code t2_ref}, {@code q_ref}; float64[d]
 * mean; float64[k] eigenvalues (descending); float64[d·k] loadings, row-major by feature
 * ({@code P[i][j]} = feature i, component j). Nothing follows; a longer or shorter file is refused.
 */
package io.psa.model.pca;
