// One downsampling rule for the site and the CLI: charts' `downsample` (first and last kept).
// Kept as a name for the update/tips widgets; new code imports `downsample` directly.
export { downsample as thin } from '@decaylab/charts/data';
