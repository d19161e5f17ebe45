/** The explorer's value rendering lives with the data table; kept here for existing imports. */
export { flatten, isSensitive, maskSensitive, MASK, Value } from '../../components/data-table/Value';
