// The dashboard shell's strings (the side panel's label and tabs, the township panel's way back).

export const appZhCN = {
  'panel.back': '返回全市',
  'panel.tabOverview': '概览',
  'panel.tabLedger': '隐患台账',
  'panel.label': '侧栏',
} as const;

export const appEn: Record<keyof typeof appZhCN, string> = {
  'panel.back': 'Back to the city',
  'panel.tabOverview': 'Overview',
  'panel.tabLedger': 'Hazard ledger',
  'panel.label': 'Side panel',
};

declare module '../kit/i18n/messages.ts' {
  interface Messages extends Record<keyof typeof appZhCN, string> {}
}
