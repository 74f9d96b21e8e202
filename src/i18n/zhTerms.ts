import { FIELDS } from '../config/fields.ts';
import { LANGS } from '../config/lang.ts';
import { PANELS, Z_LIMIT, type LinkNotice } from '../config/link.ts';
import { POINT_LIMIT } from '../config/posterior.ts';
import type { Catalog } from './catalog.ts';
import type { DataLine } from './enTerms.ts';

// 配置表里各项的中文名称（字段、选项、模型、数据集、演示、指标），以及关于数据集和链接的句子（zh.tsx 使用）。

const dataSets: Catalog['options']['data'] = {
  mnist: 'MNIST 手写数字（28×28 灰度）',
  shapes: '彩色图形（32×32 彩色）',
  upload: '你自己的图片',
  ring: '8 个高斯分布围成的环',
  grid: '5×5 高斯网格',
  moons: '双月形',
  spiral: '螺旋',
  swiss: '瑞士卷（二维）',
  checker: '棋盘格',
  circles: '同心圆',
  line: '直线',
  twogauss: '两个高斯分布',
  clusters: '三个分离的簇',
  drawn: '自己画',
};

function dataLine(d: DataLine, batch: number): string {
  const { set, digits, points } = d.label;
  const n = d.trainCount;
  const name =
    set === 'mnist'
      ? `MNIST${digits ? `（仅数字 ${digits.join('、')}）` : ''}：训练 ${n} 个，留出 ${d.heldOutCount} 个`
      : set === 'shapes'
        ? `彩色图形：训练 ${n} 张，留出 ${d.heldOutCount} 张`
        : set === 'upload'
          ? `你的图片：训练 ${n} 张，留出 ${d.heldOutCount} 张`
          : set === 'drawn'
            ? `你的画：${points} 个点，${n} 个样本`
            : `${dataSets[set]}：${n} 个样本`;
  return d.smallBatch === null
    ? name
    : `${name}；批大小取 ${d.smallBatch}（训练集比设定的批大小 ${batch} 还小，每批就是整个训练集）`;
}

/** What was wrong with `compare=`, and what the page does instead. */
function compareNotice(
  problem: Extract<LinkNotice, { key: 'compare' }>['problem'],
  shown: string,
): string {
  switch (problem) {
    case 'unknown':
      return `compare：${shown} 不是模型（ae、vae、gan）；已略去`;
    case 'duplicate':
      return `compare：${shown} 出现了两次；只训练一个`;
    case 'tooMany':
      return `compare：最多并排比较 3 个设置；已略去 ${shown}`;
    case 'shared':
      return `compare：${shown}——数据、随机种子、潜变量维数、网络结构、批大小和训练节奏是各列共用的；采用链接里的共用值`;
    case 'field':
      return `compare：${shown} 不是有效的字段或取值；改用该模型的默认值`;
    case 'upload':
      return 'compare：对比模式不能用你自己的图片训练；改在 MNIST 上比较';
    case 'none':
      return `compare：${shown} 里没有可用的模型；改为比较 ae、vae、gan`;
    case 'perSetup':
      return `compare：${shown} 只属于某一个设置（写成 vae:${shown} 这样）；已略去`;
    case 'model':
      return `compare：已略去 ${shown}；模型由 compare= 指定`;
  }
}

/** An ignored value of the link, and what the page does instead. */
function notice(n: LinkNotice): string {
  if (n.key === 'compare') return compareNotice(n.problem, n.shown);
  const { key, shown } = n;
  switch (key) {
    case 'autoplay':
      return `autoplay：${shown} 不是 1 或 0；不会自动开始`;
    case 'closed':
      return `closed：${shown} 不是可折叠的面板（${PANELS.join('、')}）`;
    case 'lang':
      return `lang：${shown} 不是 ${LANGS.join('、')} 之一`;
    case 'z':
      return `z：${shown} 不是一组在 ±${Z_LIMIT} 以内的数；改用 0`;
    case 'pts':
      return `pts：${shown} 不是一幅画；改用默认的画`;
    case 'from':
      return `from：${shown} 不是 trained；从头开始训练`;
    case 'dirac':
      return `dirac：${shown} 不是“损失,更新方式,学习率,比值,γ”（例如 minimax,simultaneous,0.1,1,0）；按初始设置打开`;
    case 'graph':
      return `graph：${shown} 不是 1 或 0；不打开模型结构图`;
    case 'rd':
      return `rd：${shown} 不是 1 或 0；不打开“码率与失真”视图`;
    case 'slow':
      return `slow：${shown} 不是 1 或 0；按正常速度训练`;
    case 'y':
      return `y：${shown} 不是 0–9 的数字类别；改画 0`;
    case 'posterior':
      return `posterior：${shown} 既不是留出数字的编号，也不是 ±${POINT_LIMIT} 以内的点 x,y；不打开该视图`;
    default: {
      const f = FIELDS[key];
      const expected =
        f.kind === 'choice'
          ? `${f.options.join('、')} 之一`
          : `${f.min}…${f.max} 之间的${f.kind === 'int' ? '整数' : '数'}`;
      return `${key}：${shown} 不是 ${expected}；改用默认值`;
    }
  }
}

type Terms = Pick<
  Catalog,
  'fields' | 'options' | 'models' | 'presets' | 'metrics' | 'dataLine' | 'notice'
>;

export const zhTerms: Terms = {
  fields: {
    model: { label: '模型' },
    backend: { label: '后端' },
    data: { label: '数据集' },
    digits: {
      label: '训练用的数字',
      help: '链接里是一个位掩码：第 d 位为 1 就训练数字 d（1023 表示全部十个）。',
    },
    usize: { label: '图片尺寸' },
    spread: {
      label: '画点周围的散布',
      help: '每个样本是一个画出的点，加上以此为标准差的高斯噪声。',
    },
    seed: { label: '随机种子', help: '权重、数据顺序和噪声都由它决定。' },
    arch: {
      label: '网络结构',
      help: '“原文的”即原文 Keras 代码清单里的网络，逐层照搬；小型卷积网络更窄，适合较慢的机器。',
    },
    latent: { label: '潜变量维数' },
    hidden: { label: '每层隐藏单元数' },
    layers: { label: '隐藏层数' },
    act: { label: '激活函数', help: 'LeakyReLU：负半轴斜率 0.2，与 DCGAN 相同。' },
    batch: { label: '批大小' },
    opt: { label: '优化器' },
    lr: { label: '学习率', help: '立即生效，训练中途也可以改。' },
    b1: { label: 'Adam β1' },
    b2: { label: 'Adam β2' },
    recon: { label: '重构损失' },
    beta: {
      label: 'β（KL 项的权重）',
      help: 'β > 1 以清晰度换取更平滑、更解耦的潜在空间。',
    },
    warmup: { label: 'KL 预热（步）', help: 'β 在这么多步内从 0 升到设定值。' },
    loss: { label: 'GAN 损失' },
    dlr: { label: '判别器学习率' },
    dsteps: { label: '每步 G 对应的 D 步数' },
    smooth: { label: '单侧标签平滑', help: 'D 对真实数据的目标是 1 减去这个值。' },
    gp: { label: '梯度惩罚权重 λ' },
    bn: {
      label: 'G 中的批归一化（DCGAN）',
      help: 'DCGAN 的做法：G 除最后一层外，每层之后做批归一化。',
    },
    every: { label: '每隔多少步画图' },
    quality: {
      label: '每隔多少步评估数字质量',
      help: 'MNIST：对 1,000 个生成数字计算 Fréchet 数字距离和类别直方图（0 = 关闭）。',
    },
    steps: { label: '步数上限（0 = 不限）' },
  },
  options: {
    model: {
      vae: '变分自编码器（VAE）',
      ae: '自编码器（确定性）',
      gan: '生成对抗网络（GAN）',
      cvae: '条件 VAE（以数字类别为条件）',
      cgan: '条件 GAN（以数字类别为条件）',
    },
    backend: { auto: '自动（WebGPU → WebGL → CPU）', webgpu: 'WebGPU', webgl: 'WebGL', cpu: 'CPU' },
    data: dataSets,
    usize: { gray28: '28×28 灰度', color32: '32×32 彩色' },
    arch: { dense: '全连接（MLP）', article: '原文的卷积网络', conv: '小型卷积网络' },
    act: { relu: 'ReLU', leakyRelu: 'LeakyReLU', elu: 'ELU', tanh: 'tanh' },
    opt: { adam: 'Adam', rmsprop: 'RMSProp', sgd: 'SGD（动量 0.9）' },
    recon: { bce: '伯努利（二元交叉熵）', mse: '高斯（平方误差）' },
    loss: {
      nonsaturating: '非饱和',
      minimax: '极小极大（原始形式）',
      lsgan: '最小二乘（LSGAN）',
      wgangp: 'Wasserstein + 梯度惩罚',
    },
    bn: { off: '关', on: '开' },
  },
  models: {
    vae: '变分自编码器',
    ae: '自编码器',
    gan: '生成对抗网络',
    cvae: '条件变分自编码器',
    cgan: '条件生成对抗网络',
  },
  presets: {
    'vae-2d': {
      title: 'VAE，二维潜在空间，MNIST',
      blurb: '每个数字只用两个潜变量：在潜在平面上拖动圆点，看一个数字渐变成另一个。',
    },
    'ae-2d': {
      title: '自编码器，同样的数字',
      blurb:
        'VAE 的确定性孪生兄弟（数据、种子、尺寸都相同）：二维潜在空间下，它在留出数据上的重构并不比 VAE 好，而随机编码 z ~ N(0, I) 常常解码成一团乱。',
    },
    'beta-vae': {
      title: 'β-VAE，β = 4',
      blurb: 'KL 项更重：样本更平滑也更模糊，潜在空间更整齐。',
    },
    dcgan: {
      title: 'MNIST 上的 DCGAN',
      blurb:
        '原文的卷积 GAN，逐层照搬。没有 GPU 时很慢（每步要几秒）：给它几百步，或者改用小型卷积网络。',
    },
    'conv-vae': {
      title: '原文的卷积 VAE',
      blurb: '原文的卷积编码器和解码器，潜在空间取二维：和全连接 VAE 比一比样本与潜在平面。',
    },
    'ring-gan': {
      title: '8 个高斯环上的 GAN',
      blurb: '看 G 追逐各个模式：它常常只覆盖几个，把其余的连成一片（模式崩溃）。',
    },
    'wgan-spiral': {
      title: '螺旋上的 WGAN-GP',
      blurb:
        '带梯度惩罚的 Wasserstein 评价器（λ = 0.1，WGAN-GP 论文在玩具数据上用的值），每步 G 对应五步评价器。',
    },
    'vae-moons': {
      title: '双月形上的 VAE',
      blurb: '真实点的编码聚向 N(0, I)，解码器则把平面弯折到两个月牙上。',
    },
    'draw-gan': {
      title: '在你的画上训练 GAN',
      blurb: 'GAN 学会画笑脸；你也可以画一个自己的形状来训练。',
    },
    cvae: {
      title: '条件 VAE：指定要画的数字',
      blurb:
        '类别同时输入编码器（与 x 并列）和解码器（与 z 并列）：选一个数字，移动 z 改变风格；或固定 z，依次换类别。',
    },
    cgan: {
      title: '条件 GAN：指定要画的数字',
      blurb: 'G 和 D 都读入数字的类别：G 学会画出被要求的那个数字。',
    },
  },
  metrics: {
    reconstruction: '重构',
    total: '总计（−ELBO）',
    kl: 'KL(q(z|x) ‖ N(0, I))',
    dLoss: 'D 损失',
    gLoss: 'G 损失',
    dReal: 'D(x)，真实',
    dFake: 'D(G(z))，生成',
    heldOutTotal: '留出集 −ELBO',
    heldOutReconstruction: '留出集重构',
    jsDivergence: 'JS(真实, 生成)',
    optimalDLoss: '最优 D 的损失（2 ln 2 − 2·JS）',
    klDivergence: 'KL(真实 ‖ 生成)',
    slicedWasserstein: '切片 Wasserstein 距离',
    frechet: 'Fréchet 数字距离',
  },
  dataLine,
  notice,
};
