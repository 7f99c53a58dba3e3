/**
 * Test helpers of shared-model's own tests: seeded signals from the shared simulator ({@link
 * io.psa.model.testing.SimData}, which never generates samples itself), small trained models
 * cached per JVM ({@link io.psa.model.testing.Models}) and ROC AUC ({@link
 * io.psa.model.testing.Auc}) for the detection thresholds.
 */
package io.psa.model.testing;
