/**
 * What {@code psa evaluate} writes from a {@link io.psa.model.evaluation.SkabReport}: the
 * per-file prediction CSVs ({@link PredictionFiles}), {@code summary.json} ({@link SummaryJson}),
 * and pictures drawn with plain Java2D and ImageIO ({@link FilePlot}, {@link SummaryPlot}), plus
 * the progress bar over files ({@link FileProgressBar}).
 */
package io.psa.container.evaluate;
