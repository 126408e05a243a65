/**
 * The workbook writer at build time: src/shared/xlsx.ts with every zip entry dated by the build
 * (SOURCE_DATE_EPOCH, else 2020-01-01; src/files/zip.ts), so the same tables give the same bytes.
 */
import { xlsx as xlsxAt, type XlsxProps, type XlsxSheet } from '../shared/xlsx.ts';
import { zipEpoch } from '../files/zip.ts';

export { columnName, excelSerial, type XlsxCell, type XlsxProps, type XlsxSheet } from '../shared/xlsx.ts';

export const xlsx = (sheets: XlsxSheet[], props?: XlsxProps): Uint8Array => xlsxAt(sheets, zipEpoch(), props);
