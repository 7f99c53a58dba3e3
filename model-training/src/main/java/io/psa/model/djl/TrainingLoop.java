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
 * seeded batch order rather than DJL's dataset sampler, so that the seed alone fixes it. With a
 * validation set it stops early: after each epoch it measures the validation loss, keeps the
 * weights of the best epoch, and stops once {@code patience} epochs brought no improvement.
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

    /** Batch {@code index} of the epoch as {inputs, targets}, created in {@code manager}. */
    NDList[] make(NDManager manager, int index);
  }

  /**
   * How long and how fast to train.
   *
   * @param epochs most passes over the training batches; 0 only initializes
   * @param learningRate Adam's step size
   * @param patience epochs without a better validation loss before stopping
   * @param seed fixes the batch order
   */
  record Plan(int epochs, double learningRate, int patience, long seed) {}

  private TrainingLoop() {}

  /**
   * Trains {@code block} and hands it, still open, to {@code export} after the best epoch (the
   * last one without validation); returns that export. The block's arrays are freed afterwards.
   *
   * @param inputShape one batch's input shape, to initialize the parameters
   * @param validation one batch of held-out rows, or null to train all epochs
   */
  static <T> T fit(Block block, Shape inputShape, Batches training, Batches validation, Plan plan,
      Function<Block, T> export) {
    synchronized (ENGINE_LOCK) {
      DjlRuntime.prepare(plan.seed());
      DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.l2Loss())
          .optOptimizer(Optimizer.adam()
              .optLearningRateTracker(Tracker.fixed((float) plan.learningRate())).build())
          .optDevices(new Device[] {Device.cpu()});
      try (Model model = Model.newInstance("psa-training", Device.cpu(), DjlRuntime.ENGINE)) {
        model.setBlock(block);
        try (Trainer trainer = model.newTrainer(config)) {
          trainer.initialize(inputShape);
          return epochs(trainer, training, validation, plan, () -> export.apply(block));
        }
      }
    }
  }

  private static <T> T epochs(Trainer trainer, Batches training, Batches validation, Plan plan,
      java.util.function.Supplier<T> export) {
    SplittableRandom order = new SplittableRandom(plan.seed());
    T best = export.get();
    double bestLoss = validation == null ? Double.NaN : validationLoss(trainer, validation);
    int sinceBest = 0;
    for (int epoch = 0; epoch < plan.epochs() && sinceBest < plan.patience(); epoch++) {
      training.shuffle(order);
      for (int b = 0; b < training.count(); b++) {
        step(trainer, training, b);
      }
      if (validation == null) {
        continue;
      }
      double loss = validationLoss(trainer, validation);
      if (loss < bestLoss) {
        bestLoss = loss;
        best = export.get();
        sinceBest = 0;
      } else {
        sinceBest++;
      }
    }
    return validation == null ? export.get() : best;
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

  private static double validationLoss(Trainer trainer, Batches validation) {
    try (NDManager scratch = trainer.getManager().newSubManager()) {
      NDList[] batch = validation.make(scratch, 0);
      NDList predictions = trainer.evaluate(batch[0]);
      return trainer.getLoss().evaluate(batch[1], predictions).getFloat();
    }
  }
}
