import type { Catalogue } from './en';

/**
 * The Simplified Chinese message catalogue. Typed as `Catalogue`, so a missing key is a type
 * error, and `catalogue.test.ts` fails on it too (there is no fallback to English). Terms follow
 * docs/zh-cn/GLOSSARY.md.
 *
 * @example
 * zhCN['table.scrollable'] // '表格（可滚动）'
 */
export const zhCN: Catalogue = {
  'table.scrollable': '表格（可滚动）',
  'notFound.title': '页面不存在',
  'notFound.description': '这个页面不存在。',
  'notFound.text': '这个页面不存在。可以回到{home}，或者用搜索找找看。',
  'notFound.home': '首页',
  'sentence.join': '{first}{second}',
  'widget.play': '播放',
  'widget.pause': '暂停',
  'widget.replay': '重播',
  'widget.step': '单步',
  'widget.reset': '重置',
  'widget.seed': '随机种子',
  'widget.controls': '{title}：控件',
  'widget.couldNotRun': '无法运行：{error}',
  'widget.setValue': '把小部件设为这个值',
  'snippet.hint': '（可编辑；Ctrl+Enter 运行）',
  'snippet.run': '运行',
  'snippet.stop': '停止',
  'snippet.restore': '还原',
  'snippet.output': '输出：{title}',
  'snippet.truncated': '……输出超过 {lines} 行，后面的已省略',
  'divergence.nonFinite': '第 {step} 步发散：损失或某个权重变成了 {value}。',
  'divergence.weights': '第 {step} 步发散：某个权重达到 {value}。',
  'divergence.loss':
    '第 {step} 步发散：损失从 {from} 增长到 {to}（初始值的 {times} 倍），运行已停止。',
  'divergence.remedy': '请调低学习率。',
  'biasvar.refit': '第 {run} 次重拟合：{text}',
  'biasvar.remedy':
    '动量 μ = 0.9 时，SGD 只有在 γ(λ + k_max) < 2(1 + μ) = 3.8 时才稳定（γ = 0.3，k_max 是这次重拟合的 L0 的最大曲率）：请试试更小的 λ。',
  'polyfit.remedy':
    '动量 μ = 0.9 时，SGD 只有在 γ(λ + k_max) < 2(1 + μ) = 3.8 时才稳定（γ = 0.3）：请试试更小的 λ 或更低的次数。',
};
