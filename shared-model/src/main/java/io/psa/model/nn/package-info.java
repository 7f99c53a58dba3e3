/**
 * The neural detectors' scoring side, in pure Java: dense and LSTM forward passes over float32
 * weights (computed in double), the {@code autoencoder} and {@code lstm} detectors and their
 * {@link io.psa.model.DetectorLoader}s.
 *
 * <h2>Why no training engine here</h2>
 *
 * <p>Training uses DJL with PyTorch (module {@code model-training}); this package never imports
 * it. The Lambda ships as a zip with SnapStart, limited to 250 MB unzipped, where PyTorch's native
 * libraries (over 100 MB compressed) do not fit, and a small snapshot restores fastest; the
 * container's {@code serve} starts faster too. So the trainers export their weights into these
 * classes, and a test in {@code model-training} shows this forward pass equal to DJL's own output
 * within float32 tolerance.
 *
 * <h2>Saved form (format {@code psa-nn/1})</h2>
 *
 * <p>A detector writes one file, {@code weights.bin}: the float32 values of its tensors,
 * little-endian IEEE 754, one tensor after the other in the order of the {@code tensors}
 * parameter, each row-major (last index fastest), with no header and no padding. Its size is
 * exactly 4 bytes times the number of values. {@link io.psa.model.Detector#save} returns the
 * parameters the manifest records, in JSON:
 *
 * <ul>
 *   <li>{@code format}: {@code "psa-nn/1"}; {@code weights_file}: {@code "weights.bin"} (fixed);
 *       {@code inputs}: row width (24 features by default);
 *   <li>{@code tensors}: list of {@code {"name": ..., "shape": [...]}} in file order;
 *   <li>{@code autoencoder}: {@code layer_sizes} (each dense layer's outputs, encoder first, the
 *       last equal to {@code inputs}) and {@code activations} (one of {@code identity}, {@code
 *       relu}, {@code tanh}, {@code sigmoid} per layer). Tensors {@code dense<k>.weight} of shape
 *       {@code [outputs, inputs]} and {@code dense<k>.bias} of shape {@code [outputs]}, k = 0,
 *       1, ...
 *   <li>{@code lstm}: {@code hidden_size} H and {@code sequence_length} T. Tensors, with F =
 *       {@code inputs}: {@code lstm.weight_ih [4H, F]}, {@code lstm.weight_hh [4H, H]}, {@code
 *       lstm.bias_ih [4H]}, {@code lstm.bias_hh [4H]} (PyTorch's {@code nn.LSTM} layout, gate
 *       blocks in the order input, forget, cell, output), then the linear output layer {@code
 *       output.weight [F, H]} and {@code output.bias [F]}.
 * </ul>
 *
 * <p>The loaders rebuild the architecture from these parameters, check that the recorded tensor
 * list is exactly the one it implies and that the file has exactly that many bytes, and only then
 * read the numbers. Nothing is deserialized as Java objects.
 */
package io.psa.model.nn;
