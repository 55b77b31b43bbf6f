import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkPointComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import type { EChartsCoreOption } from 'echarts/core';

// Only what the panels draw: keeps the bundle small.
echarts.use([
  BarChart,
  LineChart,
  MarkPointComponent,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  CanvasRenderer,
]);

interface Props {
  option: EChartsCoreOption;
  height: number;
  onClick?: (p: { dataIndex: number; seriesIndex: number }) => void;
  testId?: string;
}

/** One ECharts instance per panel, resized with its box and disposed with the component. */
export function Chart({ option, height, onClick, testId }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const click = useRef(onClick);
  click.current = onClick;

  useEffect(() => {
    const c = echarts.init(box.current!);
    chart.current = c;
    c.on('click', (p) => click.current?.({ dataIndex: p.dataIndex, seriesIndex: p.seriesIndex ?? 0 }));
    const ro = new ResizeObserver(() => c.resize());
    ro.observe(box.current!);
    return () => {
      ro.disconnect();
      c.dispose();
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, true);
  }, [option]);

  return <div ref={box} style={{ height, width: '100%' }} data-testid={testId} />;
}
