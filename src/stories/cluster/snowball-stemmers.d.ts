// snowball-stemmers ships no types; this is the slice of its API we use.
declare module 'snowball-stemmers' {
  interface Stemmer {
    stem(word: string): string;
  }
  const factory: {
    newStemmer(algorithm: string): Stemmer;
    algorithms(): string[];
  };
  export default factory;
}
