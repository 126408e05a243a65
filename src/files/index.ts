export { toCsv, csvHeader, csvRecord, plainNumber, isoDays, cell, type Cell } from './csv.ts';
export { toParquet, parquetSchema, CREATED_BY, ROW_GROUPS } from './parquet.ts';
export { CsvStream, ParquetStream, TableStream } from './stream.ts';
export { dataPackage, dataPackageJson, tablesVersion, type FileFacts, type PackageMeta, type TableFiles } from './datapackage.ts';
export { fileHash, makeVersion, parseVersion, versionDate, versionHash, type DataVersion, type DatedReport } from './version.ts';
export { dataReadme, type HiveLayout, type ReadmeTable } from './readme.ts';
export { writeDescriptors, writeTables, type WrittenFile } from './write.ts';
export { aboutRows, EXCEL_ROWS, readCsvRecords, tableSheets, versionText, workbookProps, writeDownloads, writeWorkbook, writeZip, WORKBOOK, ZIP, type DownloadTable } from './downloads.ts';
export { stampZipFile, zipEpoch, ZipFileWriter, type ZipEntry, type ZipLevel } from './zip.ts';
