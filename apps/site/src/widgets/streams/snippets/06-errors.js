import { parseSpec, train } from '@decaylab/core';

// A bad spec is refused before any step, with a message naming the field.
const bad = {
  data: { kind: 'line' },
  model: { kind: 'linear' },
  optimizer: { kind: 'sgd', lr: -1 },
  steps: 10,
};

try {
  parseSpec(bad);
} catch (error) {
  console.log(error.name, error.issues);
}

train(bad).subscribe({
  next: () => console.log('never called'),
  error: (error) => console.log('train errored:', error.message),
});
