/**
 * The peer baseline for the measure classifiers (`eval --cross-validate`): natural's multinomial naive Bayes
 * (`BayesClassifier`), one for category and one for instrument, trained on the same examples as the shipped model
 * and fed the same jieba words of each measure's own text, with none of our additions: no lexicon prior, no section
 * titles or paragraph mates, no knobs chosen by inner cross-validation. It shows what those additions are worth,
 * and why the pipeline fits its own naive Bayes (lib/measure-bayes.ts) rather than this one: natural's (from the
 * `apparatus` package) divides a word's count in a label by the label's number of documents, not by its words, so
 * a label with few examples pays least for the words it has never seen and wins most long texts.
 */
import { createRequire } from 'node:module';
import type { Instrument, MeasureCategory } from '../../schemas/fields.js';
import { isHanCode } from '../lib/han.js';
import type { Labeller, Labels, MeasureInput } from '../lib/measure-classify.js';
import type { Piece } from '../lib/measure-features.js';
import type { MeasureExample } from '../lib/measure-train.js';

/** The part of natural's classifier API used here: documents as word lists, so natural's English stemmer stays out. */
interface NaturalClassifier {
  addDocument(words: string[], label: string): void;
  train(): void;
  classify(words: string[]): string;
}

/**
 * The classifier's own module, not the package index: natural 8's index also loads its storage back-ends (Redis,
 * Postgres, MongoDB …), which run `dotenv.config()` on import, reading a `.env` file from the working directory
 * into the environment and printing to stdout, which would corrupt `eval --json`.
 */
const BayesClassifier = createRequire(import.meta.url)('natural/lib/natural/classifiers/bayes_classifier.js') as new () => NaturalClassifier;

/** Whether a word carries meaning: a Han character, a Latin letter or a digit (punctuation and spaces do not). */
function meaningful(word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const code = word.charCodeAt(i);
    if (isHanCode(code) || (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a)) return true;
  }
  return false;
}

/** The words of a piece, as the segmenter cut them, without punctuation and spaces. */
export function pieceWords(piece: Piece): string[] {
  const words: string[] = [];
  for (let w = piece.first; w < piece.last; w++) {
    const word = piece.text.slice(piece.words.starts[w]!, piece.words.ends[w]!);
    if (meaningful(word)) words.push(word);
  }
  return words;
}

/** natural's BayesClassifier for category and instrument, trained on `examples` (their own words only). */
export function naturalBayes(examples: readonly MeasureExample[]): Labeller {
  const category = new BayesClassifier();
  const instrument = new BayesClassifier();
  for (const example of examples) {
    const words = pieceWords(example.own);
    category.addDocument(words, example.category);
    instrument.addDocument(words, example.instrument);
  }
  category.train();
  instrument.train();
  return {
    classify: (inputs: readonly MeasureInput[]): Labels[] =>
      inputs.map((input) => {
        const words = pieceWords(input.own);
        return { category: category.classify(words) as MeasureCategory, instrument: instrument.classify(words) as Instrument };
      }),
  };
}
