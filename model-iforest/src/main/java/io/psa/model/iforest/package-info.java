/**
 * Isolation Forest (F. T. Liu, K. M. Ting and Z.-H. Zhou, "Isolation Forest", ICDM 2008) on the
 * scaled window features, trained with Smile's {@code smile.anomaly.IsolationForest}.
 *
 * <p>Smile is GPL-3.0 (or commercial): this package is the only place in the project that imports
 * {@code smile.*}. Smile builds its trees in a parallel stream with thread-local random generators,
 * so a seed does not survive its own {@code fit}; {@link io.psa.model.iforest.IsolationForestTrainer}
 * grows one tree per call on the calling thread, each from a seed derived from the training seed,
 * and joins them, which makes training reproducible.
 *
 * <p>Smile's trees are not reachable through its public API, so the forest is saved with Java
 * serialization as {@code forest.ser}; it is read back only after the artifact's checksums were
 * verified, through an {@link java.io.ObjectInputFilter} that admits exactly Smile's three forest
 * classes and primitive arrays, within depth, reference and size limits
 * ({@link io.psa.model.iforest.ForestSerialization}).
 *
 * <p>Attribution for diagnostics: the drop of a row's score when one feature is replaced by its
 * training median (kept in the manifest), one forest evaluation per feature.
 */
package io.psa.model.iforest;
