/**
 * Real US cities with a matching state, ZIP code and area code, so generated addresses and
 * phone numbers hang together (faker's en_US city names are invented and state-agnostic).
 */

export interface UsPlace {
  city: string;
  state: string;
  zip: string;
  areaCode: string;
}

export const US_PLACES: readonly UsPlace[] = [
  { city: 'San Francisco', state: 'CA', zip: '94103', areaCode: '415' },
  { city: 'Oakland', state: 'CA', zip: '94607', areaCode: '510' },
  { city: 'Los Angeles', state: 'CA', zip: '90012', areaCode: '213' },
  { city: 'San Diego', state: 'CA', zip: '92101', areaCode: '619' },
  { city: 'Seattle', state: 'WA', zip: '98101', areaCode: '206' },
  { city: 'Portland', state: 'OR', zip: '97205', areaCode: '503' },
  { city: 'Denver', state: 'CO', zip: '80202', areaCode: '303' },
  { city: 'Austin', state: 'TX', zip: '78701', areaCode: '512' },
  { city: 'Dallas', state: 'TX', zip: '75201', areaCode: '214' },
  { city: 'Houston', state: 'TX', zip: '77002', areaCode: '713' },
  { city: 'Chicago', state: 'IL', zip: '60601', areaCode: '312' },
  { city: 'Minneapolis', state: 'MN', zip: '55401', areaCode: '612' },
  { city: 'Boston', state: 'MA', zip: '02108', areaCode: '617' },
  { city: 'New York', state: 'NY', zip: '10001', areaCode: '212' },
  { city: 'Brooklyn', state: 'NY', zip: '11201', areaCode: '718' },
  { city: 'Philadelphia', state: 'PA', zip: '19103', areaCode: '215' },
  { city: 'Pittsburgh', state: 'PA', zip: '15222', areaCode: '412' },
  { city: 'Washington', state: 'DC', zip: '20001', areaCode: '202' },
  { city: 'Atlanta', state: 'GA', zip: '30303', areaCode: '404' },
  { city: 'Miami', state: 'FL', zip: '33130', areaCode: '305' },
  { city: 'Tampa', state: 'FL', zip: '33602', areaCode: '813' },
  { city: 'Nashville', state: 'TN', zip: '37203', areaCode: '615' },
  { city: 'Charlotte', state: 'NC', zip: '28202', areaCode: '704' },
  { city: 'Raleigh', state: 'NC', zip: '27601', areaCode: '919' },
  { city: 'Columbus', state: 'OH', zip: '43215', areaCode: '614' },
  { city: 'Detroit', state: 'MI', zip: '48226', areaCode: '313' },
  { city: 'Phoenix', state: 'AZ', zip: '85004', areaCode: '602' },
  { city: 'Salt Lake City', state: 'UT', zip: '84101', areaCode: '801' },
  { city: 'Las Vegas', state: 'NV', zip: '89101', areaCode: '702' },
  { city: 'Kansas City', state: 'MO', zip: '64105', areaCode: '816' },
  { city: 'St. Louis', state: 'MO', zip: '63101', areaCode: '314' },
  { city: 'Indianapolis', state: 'IN', zip: '46204', areaCode: '317' },
  { city: 'Milwaukee', state: 'WI', zip: '53202', areaCode: '414' },
  { city: 'New Orleans', state: 'LA', zip: '70112', areaCode: '504' },
  { city: 'Boise', state: 'ID', zip: '83702', areaCode: '208' },
  { city: 'Albuquerque', state: 'NM', zip: '87102', areaCode: '505' },
  { city: 'Omaha', state: 'NE', zip: '68102', areaCode: '402' },
  { city: 'Richmond', state: 'VA', zip: '23219', areaCode: '804' },
  { city: 'Baltimore', state: 'MD', zip: '21202', areaCode: '410' },
  { city: 'Madison', state: 'WI', zip: '53703', areaCode: '608' },
];

/** Approximate flat state income-tax withholding rates (0 where there is no wage tax). */
const STATE_WITHHOLDING: Readonly<Record<string, number>> = {
  CA: 0.062,
  OR: 0.075,
  CO: 0.044,
  TX: 0,
  WA: 0,
  FL: 0,
  NV: 0,
  TN: 0,
  IL: 0.0495,
  MN: 0.058,
  MA: 0.05,
  NY: 0.058,
  PA: 0.0307,
  DC: 0.065,
  GA: 0.0539,
  NC: 0.045,
  OH: 0.035,
  MI: 0.0425,
  AZ: 0.025,
  UT: 0.0465,
  MO: 0.048,
  IN: 0.0305,
  WI: 0.053,
  LA: 0.0425,
  ID: 0.058,
  NM: 0.049,
  NE: 0.0584,
  VA: 0.0575,
  MD: 0.0475,
};

export function stateWithholdingRate(state: string): number {
  return STATE_WITHHOLDING[state] ?? 0.045;
}

/** Street name stems in the style of US addresses; faker's en_US street names are added too. */
export const STREET_SUFFIXES = ['St', 'Ave', 'Blvd', 'Rd', 'Ln', 'Way', 'Dr', 'Ct', 'Pl'] as const;
