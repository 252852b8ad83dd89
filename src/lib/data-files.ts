/** The data files readers can download (served from content/data/ by src/pages/data/[file].ts). */
export const DATA_FILES = [
  { file: 'china-exports-to-russia-monthly.csv', label: 'China’s monthly exports to Russia, 2018 to mid-2023 (CSV)' },
  { file: 'category-drops.csv', label: 'Falls by product, March against February 2022 (CSV)' },
  {
    file: 'year-on-year-exports.csv',
    label: 'China’s exports to all destinations and to Russia, March and April 2022 against a year earlier (CSV)',
  },
  { file: 'events.csv', label: 'The timeline: every event with its sources (CSV)' },
  { file: 'README.md', label: 'Where the data come from: provenance and caveats' },
] as const;
