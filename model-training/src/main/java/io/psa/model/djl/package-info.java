/**
 * Training of the neural detectors with DJL and its PyTorch engine, on CPU and offline: {@link
 * io.psa.model.djl.AutoencoderTrainer} ({@code autoencoder}) and {@link
 * io.psa.model.djl.LstmTrainer} ({@code lstm}), found through {@code META-INF/services}.
 *
 * <p>Each trainer builds the network, initializes it from the seed with Java's own generator,
 * trains it with Adam on the squared reconstruction error in a seeded batch order on one thread,
 * stops early when the most recent fifth of the training windows, held out, stops improving
 * (keeping the best epoch's weights), then copies the weights into the pure-Java detectors of
 * {@code io.psa.model.nn}, which score without DJL. On SKAB's valve1 files early stopping cut the
 * false-alarm rate of both networks from 45-60 % to under 20 %: 400 training rows are memorized
 * quickly, and a network that has memorized them flags every later normal window. This module is the only one that depends on DJL and PyTorch's native libraries
 * (over 100 MB): the container's {@code train} command puts it on the classpath, while the Lambda
 * and {@code serve} load only {@code shared-model}.
 */
package io.psa.model.djl;
