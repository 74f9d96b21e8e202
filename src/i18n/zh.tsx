import { MODELS } from '../config/models.ts';
import type { Catalog } from './catalog.ts';
import { zhTerms } from './zhTerms.ts';
import { Term } from './term.tsx';
import { zhExplainer } from './zhExplainer.tsx';
import { zhGuide } from './zhGuide.tsx';
import { zhCompare, zhCompareDemos } from './zhCompare.tsx';
import { zhLab } from './zhLab.tsx';
import { zhGlossary } from './zhGlossary.ts';

// 页面的简体中文。术语依照 ../shared/GLOSSARY-zh.md（文章自己的用词优先）；模型名与符号
// （GAN、VAE、KL、ELBO、z、D(x)、G(z)、β）保留拉丁字母，公式与英文版相同。

export const zh: Catalog = {
  lang: { name: '简体中文', label: '语言', tag: 'zh-CN' },
  app: {
    title: '生成模型游乐场',
    tagline:
      '在浏览器里实时训练 VAE、自编码器或 GAN：数据可以是真实的 MNIST 手写数字、二维分布、彩色图形，或你自己画的图。TensorFlow.js 在 Web Worker 中用 WebGPU 训练，数据不会离开这个页面。',
    source:
      '本页讲解《概率性计算：大模型的生成模型》一文：用的是它的网络，它的错误公开更正，并与本页的做法并列。',
    training: '训练',
    losses: '损失',
    latentSpace: '潜在空间',
    latentHint: ' · 拖动滑块或圆点，训练时也可以',
    view2d: '二维视图',
    atStep: (step) => ` · 第 ${step} 步`,
    viewPending: '模型建好后，这里会显示视图。',
    howItWorks: '原理',
    demos: '演示',
    demosLabel: '演示：',
  },
  ...zhTerms,
  numberProblem: (whole, min, max) => `${whole ? '整数' : '数值'}，范围 ${min} 到 ${max}`,
  controls: {
    model: '模型',
    data: '数据',
    newSeed: '换个种子',
    newSeedTitle: '随机换一个种子：新的权重、数据顺序和噪声（链接会记住它）',
    runOptions: '运行选项',
    points2d:
      '二维数据：网络是全连接的，直接对点建模（线性输出；VAE 的解码器是 σ = 0.1 的高斯分布）。',
    digits: '训练用的数字',
    digit: (d) => `数字 ${d}`,
    allTen: '全部十个',
  },
  train: {
    start: '开始',
    pause: '暂停',
    step: '单步',
    reset: '重置',
    keys: () => (
      <>
        快捷键：<kbd>空格</kbd> 训练 / 暂停 · <kbd>→</kbd> 走一步 · <kbd>R</kbd> 重置
      </>
    ),
    dataLoading: '数据：加载中…',
    budgetReached: (budget) => ` · 已达到 ${budget} 步的上限`,
  },
  progress: {
    backend: () => '正在启动 tfjs 后端…',
    data: (loading) => (loading ? '正在加载 MNIST 手写数字…' : '正在准备数据…'),
    probe: () =>
      '正在测量各后端在这个设置上的速度，以选用最快的一个（之后再访问会沿用这次的结果）…',
    model: (_loading, model) => `正在构建${model}…`,
    quality: () => '第一步之前，先测量模型生成数字的质量（1,000 个样本）…',
  },
  status: {
    backend: '后端：',
    starting: '正在启动训练 Worker…',
    failed: '因出错而停止',
    compiling: '正在为第一步编译 GPU 内核…',
    firstStepCpu: '正在计算第一步…',
    training: '训练中',
    paused: '已暂停',
    ready: '就绪：按“开始”',
    step: '步数',
    stepsPerSec: '步/秒',
    whilePaused: '（已暂停）',
    cpuAdapter: '在 CPU 上运行 JavaScript',
    firstStep: (seconds) => `第一步用了 ${seconds} 秒`,
    compilingFor: (seconds) => `已用 ${seconds} 秒`,
    loaded: (loaded, total) => (total === null ? loaded : `${loaded} / ${total}`),
  },
  banners: {
    restart: '重新启动',
    backTo: (step) => `回到第 ${step} 步`,
    gentler: (step) => `${step !== null ? `回到第 ${step} 步` : '重置'}，学习率 ÷ 10`,
    kept: (step, when) => `这个链接的训练保存在第 ${step} 步（${when}）。`,
    resume: (step) => `从第 ${step} 步继续`,
    startOver: '从头开始',
    fallback: (backend, reason) =>
      `正在用 ${backend} 运行，原因：${reason}。训练照常进行；开启了 WebGPU 的 Chrome 或 Edge 会用你的 GPU。`,
    forced: (backend, key) => `链接指定了 ${backend} 后端（backend=${key}）。`,
    auto: (backend, times, timed, measuredOn) =>
      `这里的 WebGPU 运行在软件适配器上（没有可用的 GPU），所以“自动”${measuredOn ? `已于 ${measuredOn} 在这个浏览器里针对这一设置实测过各个后端（结果保留 30 天，期间不再重测）` : '先在这一设置上实测了各个后端'}：${timed === 'step' ? `完整的一步训练，${times.join('，')}（二维点数据上不测 WebGL：一步里每个细小的运算在 WebGL 上都是一次绘制调用，在这种规模下比 CPU 还慢）` : `第一层的一次前向加反向传播，${times.join('，')}`}。它选了最快的 ${backend}（只有快到 1.5 倍以上，才会离开 WebGPU）。可以在“运行选项”里换一个后端来对比：页面会记下它实测的速度。`,
    probeTime: (backend, ms) => `${backend} 用时 ${ms} 毫秒`,
    measured: (speeds, fast, ratio) =>
      `在这个浏览器里对这一设置的实测：${speeds.join('，')}。${fast} 在这里快 ${ratio} 倍。`,
    speed: (backend, stepsPerSec) => `${backend} 每秒 ${stepsPerSec} 步`,
    ignored: '链接里有些值被忽略了：',
  },
  errors: {
    diverged: (nan, step, advice) =>
      `第 ${step} 步的损失变成了 ${nan ? 'NaN' : '无穷大'}，训练已暂停。${advice}`,
    advice: {
      vae: '试试更低的学习率或更小的 β，然后重置。',
      ae: '试试更低的学习率，然后重置。',
      gan: '试试更低的学习率，或改用 WGAN-GP 损失（梯度惩罚能让评价器保持温和），然后重置。',
    },
    deviceLost: (step, detail, at) =>
      `第 ${step} 步时 GPU 设备丢失（${detail}）。` +
      (at !== null
        ? `训练将在新的设备上从第 ${at} 步（最近的快照）继续。`
        : '页面将在新的设备上重新开始。'),
    crashed: (detail, at) =>
      `训练 Worker 崩溃了：${detail}。“重新启动”会恢复设置${at ? `和第 ${at} 步的权重` : ''}。`,
    restarted: (from) =>
      `崩溃后已重新启动 Worker，${from !== null ? `从第 ${from} 步继续` : '从头开始'}。`,
    notKept: (why) =>
      `这次训练无法保存以备重新载入（${why}）。训练照常进行；可以用“保存在这个浏览器里”或“下载模型文件”手动保存。`,
    downloaded: (names) => `已下载 ${names}。`,
    missing: {
      digits: 'MNIST 手写数字还没有加载。',
      images: '请先添加至少两张你自己的图片（选择文件，或拖到页面上）。',
      drawing: '请先画几个点：画板是空的。',
      model: '没有可训练的模型：选一个准备好的数据集，然后重置。',
    },
  },
  estimate: {
    slow: (time, gflop, speed) =>
      `在这里，这个设置训练一步大约要 ${time}（每步 ${gflop} GFLOP；刚才测得这个后端训练卷积的速度是 ${speed} GFLOP/s）。`,
    quicker: '更快的设置：',
    batch: (n) => `批大小 ${n}`,
    dense: '全连接网络',
    option: (label, time) => `${label}（每步${time === null ? '不到一秒' : `约 ${time}`}）`,
  },
  explainer: zhExplainer,
  guide: zhGuide,
  compare: zhCompare,
  compareDemos: zhCompareDemos,
  lab: zhLab,
  glossary: zhGlossary,
  chart: {
    smoothing: '平滑',
    logScale: '对数坐标',
    empty: '开始训练后，损失会显示在这里。',
    label: (lines) => `按训练步数绘制的${lines.join('、') || '（无曲线）'}曲线图`,
    toggle: (shown, line, right) =>
      `${shown ? '隐藏' : '显示'}${line}${right ? '（读右侧坐标轴）' : ''}`,
    step: (step) => `第 ${step} 步`,
    legend: '图中的曲线',
    axis: '步',
    right: '（右轴）',
    keysHint: '用 ← 和 → 读取数值',
    names: (c) => ({
      ...(MODELS[c.model].family === 'vae' && (c.beta !== 1 || c.warmup > 0)
        ? { total: '总计（重构 + β·KL）' }
        : {}),
      ...(MODELS[c.model].family === 'gan' && c.loss === 'wgangp'
        ? { dLoss: '评价器损失', dReal: '评价器对 x 的分数', dFake: '评价器对 G(z) 的分数' }
        : {}),
      ...(MODELS[c.model].family === 'gan' && c.loss === 'lsgan'
        ? { dReal: 'D(x)，真实（分数）', dFake: 'D(G(z))，生成（分数）' }
        : {}),
    }),
    equilibrium: (dLoss, gLoss, d) =>
      `点线表示均衡：此时最优的 D 分不清真实与生成（D 损失 ${dLoss}，G 损失 ${gLoss}，D(x) = D(G(z)) = ${d}）。`,
  },
  quality: {
    title: '数字质量',
    off: '已关闭：在“运行选项”里设置“每隔多少步评估数字质量”即可开启。',
    about: (every) =>
      `每隔 ${every} 步，一个数字分类器（在留出集上正确率 97.2%）会查看 1,000 个生成的数字和 1,000 个真实的留出数字（如果生成它们要占训练时间的四分之一以上，就隔得更久）。`,
    measuring: '评估中…',
    frechet: 'Fréchet 数字距离',
    atStart: (v) => `（第 0 步：${v}）`,
    lower: ' · 越低越好：另外 1,000 个真实数字得 3.5，一个灰色方块得 303',
    few: {
      gan: (generated, real) =>
        `模式崩溃？生成的样本已经像数字，却只覆盖约 ${generated} 类，真实数字覆盖 ${real} 类：G 找到了几个能骗过 D 的数字，别的几乎不生成。如果一直这样，试试 WGAN-GP 损失、标签平滑或更低的学习率，然后重置。`,
      vae: (generated, real) =>
        `样本约覆盖 ${generated} 个数字类别，真实数字覆盖 ${real} 类：在 N(0, I) 质量最集中的区域，解码器偏爱少数几个数字。加大潜变量维数或减小 β 通常有帮助。`,
      ae: (generated, real) =>
        `随机编码解码出来约像 ${generated} 类，真实数字覆盖 ${real} 类：自编码器从没学过随机编码意味着什么，N(0, I) 只落到它少数几个编码附近。`,
    },
    unreadable: (confidence, real, classes) =>
      `分类器对这些样本拿不准（它所选类别的平均概率为 ${confidence}，真实数字为 ${real}）：样本还不像数字，所以它数出的约 ${classes} 个类别说明不了什么，也不是模式崩溃的迹象。`,
    unreadableAdvice: {
      gan: 'GAN 训练初期的样本就是噪声和色块；多训练一些步数。',
      vae: 'VAE 的样本是模糊的（每个样本都是解码器输出的均值，即编码落在 z 附近的那些数字的平均），二维潜在空间下更明显；加大潜变量维数会更清晰。',
      ae: '随机编码解码出来是自编码器学过的那些数字的混合。',
    },
    chartLabel: '按训练步数绘制的 Fréchet 数字距离曲线图',
    histogram: (generated, real) => (
      <>
        生成了哪些数字（按分类器对每个的判断），与真实数字对照：大约覆盖 {real} 类中的 {generated}{' '}
        类。
      </>
    ),
    bar: (digit, generated, real) => `数字 ${digit}：生成 ${generated}，真实 ${real}`,
    generatedKey: '生成的',
    realKey: '真实的（留出集）',
    barTitle: (digit, generated, real) => `数字 ${digit}\n生成 ${generated}\n真实（留出集）${real}`,
  },
  samples: {
    title: '样本',
    generated: '由 64 个固定编码 z ~ N(0, I) 生成',
    decoded: '由 64 个固定编码 z ~ N(0, I) 解码',
    download: '把网格下载为 PNG',
    reconstructions: '留出集图像（上）及其重构（下）',
    real: '真实训练图像，用于对照',
    pending: '模型建好后，这里会显示样本。',
  },
  explorer: {
    random: '随机 z',
    zero: '归零',
    more: (shown, all) => `只显示 ${all} 维中的前 ${shown} 维；其余维保持原值。`,
    image: (gan, step) =>
      `${gan ? 'G(z)' : '解码器对 z 的输出'}${step !== null ? `（第 ${step} 步的权重）` : ''}`,
    padCaption: (range, more) =>
      `z₀ 和 z₁ 取值 ±${range}${more ? '，其余维由滑块设定' : ''}。拖动圆点。`,
    pad: '潜在平面：横向 z₀，纵向 z₁',
    from: '起点 ← z',
    to: '终点 ← z',
    newEnds: '随机换两端',
    spherical: '球面插值',
    strip: (spherical, from, to) =>
      `从 z = (${from}) 到 (${to}) 的${spherical ? '球面' : '线性'}插值`,
    slider: (i) => `潜变量第 ${i} 维`,
  },
  plane: {
    layers: {
      heat: '判别器热力图',
      manifold: '生成器流形',
      real: '真实点',
      fake: '生成点',
      arrows: '生成器梯度',
    },
    label: (step, shown) => `第 ${step} 步的二维视图：${shown.join('、') || '未显示任何图层'}`,
    caption: (e, gan) =>
      `平面 [−${e}, ${e}]²${gan ? '：G 把点放在哪里，D 认为哪里是真实的。' : '：解码器从 N(0, I) 采样得到的点，以及它的流形。'}`,
    layersTitle: '图层',
    codes: '真实点在潜在空间中的编码',
    optimal: '最优判别器 D*：针对当前生成器的最佳判别器',
    optimalCaption: (
      <>
        针对当前 G 的最佳 D：D*(x) = p_data(x) / (p_data(x) + p_g(x))，其中 p_data 是精确的，p_g
        是对 G 生成点的核密度估计。到了<Term id="equilibrium">均衡点</Term>，p_g = p_data，D*
        处处等于 ½（整幅图全白）。
      </>
    ),
    codesCaption: (ae) =>
      `真实点在潜在空间中的编码 (z₀, z₁)，以及 N(0, I) 的 1σ 和 2σ 圆。${ae ? '没有什么把自编码器的编码拉向 N(0, I)。' : 'KL 项把它们拉向 N(0, I)。'}`,
    drawPad: '画板：拖动鼠标，画出数据所在的位置',
    drawCount: (count, max, changed) =>
      `${count} 个点（最多 ${max} 个）${changed ? ' · 尚未使用' : ' · 使用中'}`,
    useDrawing: '用这幅画训练',
    clear: '清空',
    smiley: '笑脸',
  },
  storage: {
    title: '保存你的模型',
    save: '保存在这个浏览器里',
    download: '下载模型文件',
    load: '载入模型文件…',
    loadLabel: '要载入的模型文件（.json 和 .weights.bin）',
    about: () => (
      <>
        文件是 tfjs 的 layers 模型（每个网络一个 model.json 加它的权重），可以用{' '}
        <code>tf.loadLayersModel</code> 载入。选中一次下载的全部文件即可载回。
      </>
    ),
    saved: (model, data, step, when) => `${model}，${data}，第 ${step} 步 · ${when}`,
    restore: '恢复',
    delete: '删除',
    deleteLabel: (step) => `删除第 ${step} 步的检查点`,
    none: '这个浏览器里还没有保存检查点。',
    notes: {
      saved: (step) => `已保存第 ${step} 步的模型。`,
      restored: (step) => `已恢复第 ${step} 步的检查点；按“开始”继续训练。`,
      deleted: '已删除检查点。',
      loaded: (roles) => `已从文件载入 ${roles.join(' 和 ')}。`,
      failed: (action, reason) =>
        `${{ save: '保存', restore: '恢复', delete: '删除', list: '列出检查点' }[action]}失败：${reason}。${action === 'save' || action === 'restore' ? '内存中的模型没有改变。' : ''}`,
      noStorage: (reason) => `浏览器存储不可用：${reason}`,
      refused: (reason) => `无法载入这些文件：${reason}。内存中的模型没有改变。`,
    },
  },
  upload: {
    drop: (max) =>
      `把图片或文件夹拖到这里，或者选择它们：PNG、JPEG、WebP 或 GIF（取第一帧），最多 ${max} 张。图片会裁出中央正方形并缩放；不会离开这个页面。`,
    pickImages: '选择图片…',
    pickFolder: '选择文件夹…',
    decoding: '正在解码图片',
    progress: (done, total) => `正在解码第 ${done} / ${total} 张…`,
    empty: '没有选择或拖入任何文件。',
    unreadable: (detail) => `无法读取这些图片：${detail}`,
    summary: (count, skipped, overLimit, max) =>
      [
        `${count} 张图片就绪`,
        ...(skipped ? [`跳过 ${skipped} 个`] : []),
        ...(overLimit ? [`超出 ${max} 张上限的 ${overLimit} 张未使用`] : []),
      ].join('，') + '。',
    more: (n) => `……还有 ${n} 个`,
    tooFew: ' 至少需要两张图片才能训练。',
    skipped: '跳过的文件',
    why: (why, detail, limit) =>
      ({
        notImage: `不是图片（${detail || '未知类型'}）`,
        undecodable: '无法解码（文件损坏，或其实不是图片）',
        tooLarge: `太大（${detail} 百万像素；上限是 ${limit}）`,
        other: detail,
      })[why],
    preview: (shown, count) => `你的 ${count} 张图片中的前 ${shown} 张，即模型看到的样子`,
    training: (count) => `正在用你的 ${count} 张图片训练`,
    use: (count) => `用这 ${count} 张图片训练`,
  },
  link: {
    copy: '复制链接',
    copied: '链接已复制',
    field: '这个设置的链接：复制它',
  },
};
