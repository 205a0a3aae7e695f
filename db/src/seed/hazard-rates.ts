// How often a patrol of each category finds a hazard, which hazard types it finds (relative
// weights), and which types count as major: the seed's hazard generator reads these tables.
import type { VenueCategory } from '@svm/contract/constants';

export const HAZARD_RATE: Record<VenueCategory, number> = {
  ebike: 0.11,
  workshop: 0.09,
  warehouse: 0.075,
  catering: 0.07,
  entertainment: 0.06,
  lodging: 0.055,
  repair: 0.055,
  training: 0.04,
  retail: 0.035,
  other: 0.03,
};

export const HAZARD_MIX: Record<VenueCategory, Record<string, number>> = {
  ebike: {
    indoor_ebike_charging: 30,
    charging_near_stock: 25,
    unsafe_wiring: 15,
    no_extinguisher: 12,
    blocked_exit: 10,
    living_in_shop: 8,
  },
  workshop: {
    flammables: 25,
    living_in_shop: 20,
    unsafe_wiring: 20,
    blocked_exit: 15,
    no_extinguisher: 15,
    no_emergency_light: 5,
  },
  warehouse: {
    flammables: 25,
    blocked_exit: 20,
    unsafe_wiring: 15,
    no_extinguisher: 15,
    living_in_shop: 10,
    indoor_ebike_charging: 15,
  },
  catering: {
    gas_safety: 35,
    no_extinguisher: 20,
    blocked_exit: 15,
    unsafe_wiring: 15,
    living_in_shop: 10,
    flammables: 5,
  },
  entertainment: { blocked_exit: 30, no_emergency_light: 25, unsafe_wiring: 20, no_extinguisher: 20, flammables: 5 },
  lodging: {
    blocked_exit: 30,
    no_emergency_light: 25,
    unsafe_wiring: 20,
    no_extinguisher: 15,
    indoor_ebike_charging: 10,
  },
  repair: { unsafe_wiring: 25, flammables: 20, no_extinguisher: 20, indoor_ebike_charging: 20, blocked_exit: 15 },
  training: { blocked_exit: 35, no_emergency_light: 30, no_extinguisher: 25, unsafe_wiring: 10 },
  retail: { no_extinguisher: 30, blocked_exit: 25, unsafe_wiring: 20, indoor_ebike_charging: 15, living_in_shop: 10 },
  other: { no_extinguisher: 35, unsafe_wiring: 30, blocked_exit: 25, flammables: 10 },
};

export const MAJOR = new Set([
  'blocked_exit',
  'indoor_ebike_charging',
  'charging_near_stock',
  'gas_safety',
  'living_in_shop',
  'flammables',
]);
