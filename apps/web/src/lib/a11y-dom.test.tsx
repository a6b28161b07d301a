import { render, screen, waitFor } from '@testing-library/react';
import { Table } from 'antd';
import { afterEach, describe, expect, it } from 'vitest';
import { keepDomAccessible } from './a11y-dom.ts';

// The DOM fixes for Ant Design that axe-core asks for, on a real antd table.
describe('keepDomAccessible', () => {
  let stop: () => void = () => undefined;
  afterEach(() => stop());

  it("makes the table's hidden measure row inert (its copy of the select-all checkbox is not focusable) and names the checkboxes in Chinese", async () => {
    render(
      <Table
        rowKey="id"
        rowSelection={{}}
        scroll={{ x: 'max-content' }}
        columns={[{ title: '职业编码', dataIndex: 'code' }]}
        dataSource={[{ id: 'a', code: '4-10-01-05' }]}
        pagination={false}
      />,
    );
    stop = keepDomAccessible(document.body);
    const measure = document.querySelector('tr.ant-table-measure-row');
    expect(measure, 'antd draws a measure row for a scrolling table').not.toBeNull();
    await waitFor(() => expect(measure!.hasAttribute('inert')).toBe(true));
    expect(measure!.getAttribute('aria-hidden')).toBe('true');
    await waitFor(() => expect(screen.getAllByRole('checkbox', { name: '全选' }).length).toBeGreaterThan(0));
    expect(screen.getByRole('checkbox', { name: '选择第 1 行' })).toBeTruthy();
  });
});
