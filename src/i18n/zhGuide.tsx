import type { ReactElement } from 'react';
import type { Family } from '../config/models.ts';
import type { RunConfig } from '../config/schema.ts';
import type { Catalog } from './catalog.ts';
import { Term } from './term.tsx';

// 导览的中文：演示卡片（演示展示什么、该留意什么、在第几步），图表上“好的训练”长什么样，
// 以及术语表的标题。引用的步数和数值都是各演示实测的（bench/PRESET_SCORES.md：同一链接、同一种子）。

type Guide = Catalog['guide'];

const presets: Guide['presets'] = {
  'vae-2d': [
    {
      at: null,
      text: <>样本一开始是灰色噪声；前一百步里损失急剧下降，样本变成模糊的团块。</>,
    },
    {
      at: 300,
      text: (
        <>
          出现模糊、像数字的形状（本演示的 Fréchet 数字距离从 302 降到 174）。在潜在平面上拖动圆点：
          一个数字会渐渐变成另一个，因为 <Term id="kl">KL</Term> 项把编码紧紧塞进 N(0,
          I)，中间没有空洞。
        </>
      ),
    },
    {
      at: 1000,
      text: (
        <>
          <Term id="kl">KL</Term> 趋于平稳；<Term id="heldOut">留出集</Term>上的 −
          <Term id="elbo">ELBO</Term> 与训练集上的接近：模型学到的是规律。
        </>
      ),
    },
  ],
  'ae-2d': [
    {
      at: 300,
      text: (
        <>
          留出集上的重构与 VAE 差不多好：这里的留出损失是 178，VAE 是 188，而后者还包含了{' '}
          <Term id="kl">KL</Term> 项。
        </>
      ),
    },
    {
      at: 300,
      text: (
        <>
          可是从随机 z ~ N(0, I) 解码出的“样本”大多是混杂的残片：分类器在其中只认出约 1.4
          个类别，VAE 是 3.1 个。把潜在平面上的圆点拖离编码所在的区域，看看自编码器从没学过的地方。
        </>
      ),
    },
  ],
  'beta-vae': [
    {
      at: null,
      text: (
        <>
          <Term id="kl">KL</Term> 一直很低：<Term id="beta">β</Term> = 4 时每一奈特的 KL
          代价是原来的四倍，所以编码紧贴先验。
        </>
      ),
    },
    {
      at: 300,
      text: (
        <>
          平滑而模糊、涵盖好几个类别的样本（Fréchet 从 303 降到
          114）。一次只动一个滑块：有的只改变一种性质； 有的几乎什么都不改变——那是大 β
          让它停留在先验上、没被用上的维度。
        </>
      ),
    },
  ],
  dcgan: [
    {
      at: null,
      text: (
        <>
          看 D 的损失与它的<Term id="equilibrium">均衡</Term>虚线：如果它滑向 0，说明
          <Term id="discriminator">判别器</Term>占了上风，G 学不到什么。
        </>
      ),
    },
    {
      at: 40,
      text: (
        <>
          仍是噪声和团块（第 40 步时 Fréchet 从 303 降到 299）：文章的网络需要几百
          <Term id="step">步</Term>，没有 GPU 时每步要好几秒。
        </>
      ),
    },
  ],
  'conv-vae': [
    {
      at: 300,
      text: (
        <>
          模糊的形状（Fréchet 从 303 降到 256）：起步比全连接 VAE 慢（同一步时是
          174），后者的解码器权重多得多。比较两者的潜在平面。
        </>
      ),
    },
  ],
  'ring-gan': [
    {
      at: null,
      text: (
        <>
          起初 G 的点完全不沿着圆环分布。底色是 D 认为一个点为真的程度；箭头是 G
          的梯度推动它的点的方向。
        </>
      ),
    },
    {
      at: 1000,
      text: (
        <>
          G 覆盖了八个模式中的几个，并在另一些之间搭起“桥”（JS 散度从 0.66 降到
          0.47）。没有生成点的模式就是
          <Term id="modeCollapse">模式崩溃</Term>。
        </>
      ),
    },
  ],
  'wgan-spiral': [
    {
      at: null,
      text: (
        <>
          <Term id="critic">评价器</Term>学会区分真假时，它的损失降到 0 以下；随着 G
          的点到达螺旋，又回升到 0 附近。
        </>
      ),
    },
    {
      at: 1000,
      text: (
        <>
          点描出了螺旋（<Term id="swd">切片 Wasserstein 距离</Term>从 0.43 降到 0.07）。
        </>
      ),
    },
  ],
  'vae-moons': [
    {
      at: null,
      text: <>在编码面板里，真实点的编码聚向 N(0, I) 的圆圈，而解码器把平面弯成两个月牙。</>,
    },
    {
      at: 1000,
      text: <>样本覆盖了两个月牙（JS 从 0.59 降到 0.13），在两者之间的空隙处略有模糊。</>,
    },
  ],
  'draw-gan': [
    {
      at: null,
      text: <>在画板上画出你自己的形状，再按“用这幅画训练”；链接会记住它。</>,
    },
    {
      at: 1000,
      text: <>G 的点填满了笑脸的笔画（切片 Wasserstein 距离从 0.59 降到 0.18）。</>,
    },
  ],
  cvae: [
    {
      at: null,
      text: (
        <>
          在“潜在空间”里选一个数字再拖动 z：数字不变，倾斜和粗细在变。上方的一行把同一个 z
          依次画成每个类别。
        </>
      ),
    },
    {
      at: 300,
      text: <>数字质量面板里的“与所要类别一致”说明分类器有多常读出所要的数字。</>,
    },
  ],
  cgan: [
    {
      at: null,
      text: <>样本网格按阅读顺序依次要求画 0、1、……、9：看每个位置逐渐定型为它的数字。</>,
    },
  ],
};

const families: Guide['families'] = {
  vae: {
    shows: '变分自编码器：它学习数据的分布，并通过解码从 N(0, I) 抽出的编码来采样。',
    watch: [
      {
        at: null,
        text: (
          <>
            损失（−<Term id="elbo">ELBO</Term>）先快后慢地下降；<Term id="kl">KL</Term>{' '}
            起初上升（编码开始携带信息），随后趋于平稳。
          </>
        ),
      },
      { at: 300, text: <>样本从噪声变成模糊的形状；拖动潜在空间的滑块看看。</> },
    ],
  },
  ae: {
    shows: '普通自编码器：把每个输入映射成编码再映射回来，不学习可供采样的分布。',
    watch: [
      {
        at: null,
        text: (
          <>
            <Term id="reconstruction">重构损失</Term>下降；<Term id="heldOut">留出集</Term>
            的曲线告诉你它是否学到了规律。
          </>
        ),
      },
      { at: 300, text: <>重构看起来没问题；随机编码解码出来仍是残片。</> },
    ],
  },
  gan: {
    shows: 'GAN：生成器学着把噪声变成样本，让判别器分不清它们与真实数据。',
    watch: [
      {
        at: null,
        text: (
          <>
            D 的损失和 G 的损失在<Term id="equilibrium">均衡</Term>虚线附近徘徊；D 的损失接近 0 说明
            D 占了上风，G 学不到什么。
          </>
        ),
      },
      {
        at: 300,
        text: (
          <>
            样本从噪声变成形状；留意<Term id="modeCollapse">模式崩溃</Term>。
          </>
        ),
      },
    ],
  },
};

function goodRun(family: Family, loss: RunConfig['loss'], points: boolean): ReactElement {
  if (family === 'vae')
    return (
      <>
        好的训练：总损失先陡降、后缓降；<Term id="kl">KL</Term> 起初上升，随后平稳；
        {points ? (
          <>
            <Term id="js">JS</Term> 随着样本覆盖数据而下降。
          </>
        ) : (
          <>
            虚线表示的<Term id="heldOut">留出集</Term>损失紧跟训练损失。
          </>
        )}
      </>
    );
  if (family === 'ae')
    return (
      <>
        好的训练：<Term id="reconstruction">重构损失</Term>
        下降并趋于平稳，虚线表示的留出集损失紧跟其后。
        损失低并不说明随机编码能解码出好东西：请看样本。
      </>
    );
  const quality = points ? (
    <>
      ，同时 <Term id="js">JS</Term> 下降
    </>
  ) : null;
  return loss === 'wgangp' ? (
    <>
      好的训练：<Term id="critic">评价器</Term>的损失先降到 0 以下，再回升到 0 附近{quality}
      。它没有可以停留的固定水平。
    </>
  ) : (
    <>
      好的训练：D 和 G 的损失在各自的<Term id="equilibrium">均衡</Term>虚线附近徘徊，而不是停下来
      {quality}。D 的损失滑向 0，说明 D 赢了，G 不再学习。
    </>
  );
}

export const zhGuide: Guide = {
  card: {
    label: '关于这个演示：',
    shared: (model, data) => `${model}，数据：${data}`,
    shows: '它展示什么：',
    watch: '留意什么：',
    all: '从一开始',
    at: (step) => `到第 ${step} 步`,
    reached: '已到达',
    start: '开始训练',
    pause: '暂停训练',
    dismiss: '收起这张卡片',
  },
  trained: {
    start: (step) => `从训练好的模型开始（第 ${step} 步）`,
    scratch: '从头开始',
    loading: (loaded, total) => `正在加载训练好的权重：${loaded} / ${total}…`,
    loaded: (step, scores, seconds, backend) =>
      `这次训练从演示在第 ${step} 步训练好的权重开始（由 npm run train:demos 在 ${backend} 上训练 ${seconds} 秒；${scores}）。拖动潜在空间的滑块，或按“开始”接着训练。`,
    failed: (reason) => `训练好的权重没能加载：${reason}。当前的训练不受影响；从头训练照常可用。`,
    none: '链接要求从训练好的权重开始（from=trained），但这个设置没有附带权重：从头开始训练。',
    heading: (step) => `从头训练会走向哪里：第 ${step} 步时训练好的模型`,
    scores: {
      frechet: (v) => `Fréchet 数字距离 ${v}`,
      classes: (v) => `${v} 个类别`,
      heldOutLoss: (v) => `留出集损失 ${v}`,
      js: (v) => `JS ${v}`,
      swd: (v) => `切片 Wasserstein 距离 ${v}`,
    },
  },
  presets,
  families,
  goodRun,
  lines: {
    all: (n) => `显示全部 ${n} 条曲线`,
    main: '只看主要曲线',
  },
  symbols: '符号：',
  glossary: '术语白话解释',
};
