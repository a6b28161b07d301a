import type { ThemeConfig } from 'antd';

/**
 * The Ant Design theme. Secondary, tertiary and status texts are darker than Ant's defaults so that every text
 * reaches the WCAG 2.1 AA contrast of 4.5:1 on white and on the grey page background (#f0f2f5); axe-core checks it in
 * every browser journey (e2e/support/axe.ts). Tag colours, which Ant takes from its palettes, are darkened in styles.css.
 */
export const appTheme: ThemeConfig = {
  token: {
    colorPrimary: '#134e9c',
    borderRadius: 4,
    fontSize: 14,
    // rgba(0,0,0,0.45) (#8c8c8c) is 3.4:1 on white: too light for the descriptions, hints and the footer.
    colorTextSecondary: 'rgba(0, 0, 0, 0.65)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.6)',
    colorTextDescription: 'rgba(0, 0, 0, 0.6)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.55)',
    colorError: '#cf1322',
    colorErrorText: '#cf1322',
    colorWarningText: '#874d00',
    colorSuccessText: '#237804',
    colorLink: '#134e9c',
  },
  components: {
    Layout: { headerHeight: 56, siderBg: '#fff', bodyBg: '#f0f2f5', triggerBg: '#fff', triggerColor: '#595959' },
    Menu: { itemSelectedBg: '#e8f0fb', itemSelectedColor: '#134e9c', groupTitleColor: '#595959' },
    // A table's empty text ("暂无数据", "还没有推荐的职业（工种）…") is drawn in the disabled colour (#bfbfbf, 1.8:1).
    Table: { colorTextDisabled: 'rgba(0, 0, 0, 0.6)' },
  },
};
