export { toCsv, plainNumber, isoDays, cell, type Cell } from './csv.ts';
export { toParquet } from './parquet.ts';
export { dataPackage, dataPackageJson, type PackageMeta, type TableFiles } from './datapackage.ts';
export { dataReadme, type ReadmeTable } from './readme.ts';
export { writeTables, type WrittenFile } from './write.ts';
