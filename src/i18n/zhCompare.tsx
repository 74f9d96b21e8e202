import type { Catalog } from './catalog.ts';
import { Term } from './term.tsx';

// 对比模式的文字（ui/compare）：在同一份数据上并排训练两三个模型。

const percent = (p: number) => `${Math.round(100 * p)}%`;

/** 作品集里的对比演示。 */
export const zhCompareDemos: Catalog['compareDemos'] = {
  'compare-mnist': {
    title: 'MNIST 上的自编码器、VAE、GAN 对比',
    blurb:
      '原文的对比并排呈现：同样的数字、随机种子和二维潜在空间。拖动 z，看三个解码器各自给出什么；再看每个编码器把数字放在哪里。',
  },
  'compare-ring': {
    title: '环形数据上的 VAE 与 GAN',
    blurb:
      '学习八个高斯分布的两种方式：VAE 把概率抹到各个峰之间；GAN 的点很集中，但会在峰与峰之间跳来跳去，过一阵才把八个峰都覆盖。',
  },
};

export const zhCompare: Catalog['compare'] = {
  title: (names) => `${names.join('、')}并排对比`,
  lead: (
    <>
      把原文的论点放到眼前。自编码器
      把每个输入映射成一个编码再还原回来：它从没见过的编码该解码成什么，没有任何东西约束它。 VAE 和
      GAN 学的是一个<Term id="generative">概率分布</Term>：从
      <Term id="prior">N(0, I)</Term> 抽一个编码，就能解码出一个数字。拖动下面的潜变量，
      每个模型都解码同一个 z。
    </>
  ),
  same: (data, seed, latent, batch) =>
    `同样的数据（${data}）、同样的随机种子 ${seed}：每个模型按同样的顺序看到同样的批次，样本网格用同一组固定噪声。潜变量维数 ${latent}，批大小 ${batch}。`,
  single: '一次只看一个模型',
  alone: '单独打开这一个',
  controls: '一起训练',
  keys: '一组“开始、暂停、单步、重置”同时控制所有模型。',
  run: (name, step, speed, backend) => `${name}：第 ${step} 步 · 每秒 ${speed} 步 · ${backend}`,
  sharing: (n, backend) =>
    `${n} 个模型同时训练，各占一个 Worker，共用这台机器的 ${backend}：各自的速度如上所示。`,
  code: '同一个潜变量，交给每个解码器',
  codeHint: ' · 拖动滑块，或在编码图上悬停、拖动',
  decoded: (gan) => (gan ? '此 z 处的 G(z)' : '此 z 处的 decoder(z)'),
  quality: (images) => (images ? 'Fréchet 数字距离（越低越好）' : '与留出点的 JS 散度（越低越好）'),
  qualityAbout: (images) =>
    images
      ? '每个模型从 z ~ N(0, I) 生成的数字，与 1,000 个留出的真实数字相比，边训练边测量。'
      : '每个模型生成的点与留出的点相比，随图片一起测量。',
  qualityEmpty: '有了第一批测量，曲线就会出现。',
  qualityOff: '数字质量评估已关闭（链接里 quality=0）。',
  numbers: {
    frechet: (v) => `Fréchet ${v}`,
    classes: (v) => `覆盖 10 类中的 ${v} 类`,
    js: (v) => `JS ${v}`,
    swd: (v) => `切片 Wasserstein 距离 ${v}`,
    pending: '质量：测量中…',
  },
  samples: (gan) => (gan ? '固定噪声 z ~ N(0, I) 的 G(z)' : '固定噪声 z ~ N(0, I) 的 decoder(z)'),
  map: {
    title: '编码落在哪里',
    about: (vae) =>
      vae
        ? '留出数字画在 q(z|x) 的均值处，按类别着色，灰色底是 N(0, I)。悬停或拖动：每个模型都解码那一点。'
        : '留出数字画在各自的编码处，按类别着色，灰色底是 N(0, I)。悬停或拖动：每个模型都解码那一点。',
    outside: (share, extent) => `${percent(share)} 的编码落在 ±${extent} 之外，画在边缘上。`,
    axes: (extent) => `横轴 z₀，纵轴 z₁，范围各为 ±${extent}。`,
    label: (name) => `${name}的编码图：留出数字在潜在平面上的位置`,
    legend: '数字类别：',
    pending: '有了第一批图片，编码图就会出现。',
    none: (gan) =>
      gan
        ? 'GAN 没有编码器：没有东西把图片映射成编码，所以没有编码图。'
        : '编码图需要图片数据和二维潜变量（latent=2）。',
  },
  density: {
    title: (
      <>
        先验与<Term id="aggregate">聚合后验</Term>
      </>
    ),
    aggregate: 'q(z) = q(z|x) 的平均',
    histogram: '编码（直方图）',
    prior: 'p(z) = N(0, I)',
    scale: '与编码图坐标范围相同；各自按自己的峰值着色。',
    kl: (v) => `KL(q(z) ‖ N(0, I)) ≈ ${v} nats`,
    klAbout:
      'VAE 把每个 q(z|x) 都往 N(0, I) 拉；只有它们的平均 q(z) 铺满了 N(0, I)，随机编码才能解码成数字。',
    aeAbout:
      '自编码器没有 q(z|x)，也没有先验：编码落在哪里全由重构决定，所以 N(0, I) 的大部分区域解码出来的都是它没学过的东西。',
    label: (what) => `${what}在潜在平面上的密度`,
  },
};
