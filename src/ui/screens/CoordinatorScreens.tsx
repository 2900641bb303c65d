import type { ComponentType } from 'preact';
import { useLocation } from 'preact-iso';
import BaselinesScreen from './BaselinesScreen.tsx';
import DashboardScreen from './DashboardScreen.tsx';
import OrganisationScreen from './OrganisationScreen.tsx';

const SCREENS: Readonly<Record<string, ComponentType>> = {
  '/dashboard': DashboardScreen,
  '/baselines': BaselinesScreen,
  '/organisation': OrganisationScreen,
};

/**
 * The coordinator's online screens (dashboard, baselines, organisation settings) as one chunk:
 * the start screen's code then holds one lazy import for them, not three, and stays smaller for
 * everyone, while only coordinators ever load this.
 */
export default function CoordinatorScreens() {
  const { path } = useLocation();
  const Screen = SCREENS[path];
  return Screen ? <Screen /> : null;
}
