/**
 * Training as a job: {@link io.psa.container.sagemaker.TrainingJob} (signal files and string
 * settings to an artifact directory, shared by {@code psa train --data} and SageMaker) and the
 * SageMaker training contract (README.md "Detectors, training and scoring"; {@link
 * io.psa.container.sagemaker.SageMakerTraining}): read the {@code training} channel and {@code
 * hyperparameters.json} under {@code /opt/ml}, write the model to {@code /opt/ml/model}, and on
 * failure the reason to {@code /opt/ml/output/failure} with a non-zero exit status. Every path can
 * be moved ({@link io.psa.container.sagemaker.SageMakerPaths}).
 */
package io.psa.container.sagemaker;
