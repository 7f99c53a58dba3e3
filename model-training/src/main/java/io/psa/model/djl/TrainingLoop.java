package io.psa.model.djl;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * Minibatch training of a DJL block on CPU with Adam and the squared error, driven by our own
 * seeded batch order rather than DJL's dataset sampler, so that the seed alone fixes it.
 *
 * <p>One training at a time per process: DJL's PyTorch engine allows a single gradient collector
 * at once, so concurrent callers (an evaluation fitting several files in parallel) queue here.
 */
final class TrainingLoop {

  private static final Object ENGINE_LOCK = new Object();

  /** The minibatches of one epoch. */
  interface Batches {

    /** Starts an epoch: draws this epoch's batch order from {@code rng}. */
    void shuffle(SplittableRandom rng);

    /** Batches in the current epoch. */
    int count();

    /** Batch {@code index} of the current epoch as {inputs, targets}, created in {@code manager}. */
    NDList[] make(NDManager manager, int index);
  }

  private TrainingLoop() {}

  /**
   * Trains {@code block} and hands it, still open, to {@code export}, whose result is returned;
   * the block's arrays are freed afterwards.
   *
   * @param inputShape one batch's input shape, to initialize the parameters
   * @param epochs passes over {@code batches}; 0 only initializes
   */
  static <T> T fit(
      Block block,
      Shape inputShape,
      int epochs,
      double learningRate,
      Batches batches,
      long seed,
      Function<Block, T> export) {
    synchronized (ENGINE_LOCK) {
      return fitAlone(block, inputShape, epochs, learningRate, batches, seed, export);
    }
  }

  private static <T> T fitAlone(
      Block block,
      Shape inputShape,
      int epochs,
      double learningRate,
      Batches batches,
      long seed,
      Function<Block, T> export) {
    DjlRuntime.prepare(seed);
    DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.l2Loss())
        .optOptimizer(Optimizer.adam().optLearningRateTracker(Tracker.fixed((float) learningRate)).build())
        .optDevices(new Device[] {Device.cpu()});
    try (Model model = Model.newInstance("psa-training", Device.cpu(), DjlRuntime.ENGINE)) {
      model.setBlock(block);
      try (Trainer trainer = model.newTrainer(config)) {
        trainer.initialize(inputShape);
        SplittableRandom order = new SplittableRandom(seed);
        for (int epoch = 0; epoch < epochs; epoch++) {
          batches.shuffle(order);
          for (int b = 0; b < batches.count(); b++) {
            step(trainer, batches, b);
          }
        }
        return export.apply(block);
      }
    }
  }

  private static void step(Trainer trainer, Batches batches, int index) {
    // a sub-manager per batch frees the batch's arrays and the graph right after the update
    try (NDManager scratch = trainer.getManager().newSubManager()) {
      NDList[] batch = batches.make(scratch, index);
      try (GradientCollector collector = trainer.newGradientCollector()) {
        NDList predictions = trainer.forward(batch[0], batch[1]);
        NDArray loss = trainer.getLoss().evaluate(batch[1], predictions);
        collector.backward(loss);
      }
      trainer.step();
    }
  }
}
