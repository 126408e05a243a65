export { toCsv, plainNumber, isoDays, cell, type Cell } from './csv.ts';
export { toParquet } from './parquet.ts';
export { dataPackage, dataPackageJson, tablesVersion, type PackageMeta, type TableFiles } from './datapackage.ts';
export { fileHash, makeVersion, parseVersion, versionDate, versionHash, type DataVersion, type DatedReport } from './version.ts';
export { dataReadme, type ReadmeTable } from './readme.ts';
export { writeTables, type WrittenFile } from './write.ts';
