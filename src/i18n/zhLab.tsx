import type { Catalog } from './catalog.ts';
import { Term } from './term.tsx';

// 实验区的文字（ui/lab）：把公式背后的量画出来，与训练并排。

export const zhLab: Catalog['lab'] = {
  dirac: {
    open: '两个数字里的博弈',
    title: '只用两个数字的 GAN 博弈（Dirac GAN）',
    close: '关闭',
    intro: (
      <>
        数据只有一个点 x = 0。<Term id="generator">生成器</Term>只输出一个点 θ；
        <Term id="discriminator">判别器</Term>的 logit 是 D(x) = ψ·x。唯一的
        <Term id="equilibrium">均衡点</Term>是 θ = 0（G 正好落在数据上）且 ψ = 0（D
        分不出真假），即图的中心。箭头表示一步更新把 (θ, ψ) 推向哪里：G 沿自己的损失下降，D
        沿价值函数上升。曲线是从 (1, 1) 出发的一次训练。
      </>
    ),
    loss: '损失',
    losses: {
      minimax: 'minimax（原文的）',
      nonsaturating: '非饱和',
      wgan: 'WGAN（线性 critic）',
    },
    update: '更新方式',
    updates: {
      simultaneous: '同时更新（两者从同一点出发）',
      alternating: '交替更新（先 D 后 G）',
    },
    lr: 'G 的学习率 η',
    ratio: 'D 的学习率 ÷ G 的',
    gamma: 'D 的梯度惩罚 γ',
    axes: '横轴 θ（G 的点），纵轴 ψ（D 的斜率），范围各为 ±2。',
    label: 'Dirac GAN：(θ, ψ) 平面上博弈的向量场，以及一次训练的轨迹',
    readout: (steps, turns, r0, r1) =>
      `${steps} 步之后：绕均衡点转了 ${turns} 圈；到它的距离 ${r0} → ${r1}。`,
    verdict: {
      out: '它向外螺旋：在均衡点附近，向量场是一个旋转，每一步同时更新都会冲过头。即使在这里，普通的 GAN 训练也不一定收敛。',
      orbit: '它一直绕圈，却不靠近：交替更新顺着旋转走，不再冲过头，但也没有力量把它拉向中心。',
      in: '它收敛了：惩罚项抑制了 D 的斜率，旋转变成向内的螺旋（Mescheder 等，2018）。',
    },
  },
  posterior: {
    open: '真实后验',
    title: '真实后验 p(z|x) 与 q(z|x) 对照',
    close: '关闭',
    intro: (
      <>
        对一个 x，贝叶斯公式给出<Term id="encoder">编码器</Term>要去近似的后验：p(z|x) = p(x|z) p(z)
        / p(x)。潜在空间只有二维时，它可以直接算出来：在网格的每个点上，用
        <Term id="decoder">解码器</Term>给出的似然 <Term id="pxz">p(x|z)</Term> 乘以
        <Term id="prior">先验</Term> N(0, I)，再除以所有点的总和，这个总和就是
        p(x)。编码器给出的高斯分布 <Term id="qzx">q(z|x)</Term>{' '}
        画在同一网格上。训练进行时，两者随每次出图重新计算。
      </>
    ),
    digit: (index, label) => `x：第 ${index} 个留出数字${label === null ? '' : `（${label}）`}`,
    point: (x, y) => `x = (${x}, ${y})`,
    previous: '上一个数字',
    next: '下一个数字',
    pickPoint: '在二维视图上点击，换一个 x。',
    trueTitle: 'p(z|x)：似然 × 先验，再归一化',
    qTitle: 'q(z|x)：编码器给出的高斯分布',
    outline: '线条：q 的 1σ 和 2σ 椭圆。',
    axes: (x0, x1, y0, y1) => `横轴 z₀ 从 ${x0} 到 ${x1}，纵轴 z₁ 从 ${y0} 到 ${y1}。`,
    label: (what) => `${what}，在潜在平面的网格上着色`,
    bounds: {
      logPx: 'log p(x)，对网格求和',
      iwae: (k) => `IWAE 下界，k = ${k}`,
      elbo: 'ELBO',
      gap: '差距：log p(x) − ELBO',
      klGrid: 'KL(q(z|x) ‖ p(z|x))，在网格上算',
    },
    about: (samples, k) => (
      <>
        ELBO ≤ IWAE ≤ log p(x)。<Term id="elbo">证据下界</Term>比 log p(x) 恰好少 KL(q(z|x) ‖
        p(z|x))，也就是 q 离真实后验有多远；这里在网格上用另一种方式再算一次。在 log 里对 k = {k}{' '}
        个重要性权重 p(x, z)/q(z|x) 取平均，可以补上一部分差距（Burda 等，2016）。两者都由 q 的{' '}
        {samples} 个样本估计，每一步都用同一组，所以它们只随权重变化；IWAE 后面的 ±
        是它的标准误，因为只有它的期望才一定不超过 log p(x)。单位为 nats；β = 1。
      </>
    ),
    pending: '正在用当前权重计算……',
    problems: {
      model: '只有 VAE 才有可对照的 q(z|x)：请选择 VAE。',
      latent: '网格需要二维潜在空间：请把潜在维度设为 2。',
      target: '数据集里没有这个 x：请换一个。',
    },
  },
  graph: {
    open: '模型结构图',
    title: '模型结构图：数据如何流过模型',
    close: '关闭',
    intro:
      '每个方框是本次运行所搭模型的一步，框里的小图是此刻流过它的数据（用留出数据，随每次出图更新）。把鼠标移到方框上，页面别处对应的部分会高亮。',
    boxes: {
      x: 'x：真实数据',
      encoder: '编码器',
      muSigma: 'q(z|x) 的 μ、σ',
      z: 'z = μ + σ·ε',
      code: 'z：编码',
      decoder: '解码器',
      xhat: 'x̂：重构',
      decoded: 'decoder(z)，z ~ N(0, I)',
      noise: 'z ~ N(0, I)',
      generator: '生成器 G',
      fake: 'G(z)',
      discriminator: '判别器 D',
      scores: 'D 的输出：真实 x 与 G(z)',
    },
    net: (layers, weights) => `${layers} 层 · ${weights} 个权重`,
    cloud: '点：潜在变量的前两个单元',
    sigma: '柱：每个潜在单元的平均 σ（虚线：σ = 1，即被先验“占着”、没有用上的单元）',
    scores: (probability) =>
      probability
        ? 'D(x) 在 [0, 1] 上的分布：绿色为真实数据，紫色为 G(z)；虚线为 ½'
        : '评价器的原始分数：绿色为真实数据，紫色为 G(z)',
    label: (box) => `${box}：此刻流过它的数据`,
    pending: '等下一次出图……',
  },
  conditional: {
    about: '条件模型学习的是 p(x|y)：每个数字类别 y 各有一个分布。先选 y，再移动 z。',
    label: '类别 y：要画的数字',
    digit: (d) => `画一个 ${d}`,
    strip: (code) =>
      `z = (${code}) 依次配上类别 0–9：固定 z，扫过 y。类别给定之后，z 里剩下的是风格：倾斜、粗细、笔画。`,
    agreement: '与所要类别一致：',
    agreementAbout:
      '1,000 个数字依次要求画 0、1、……、9，分类器读出的数字与所要类别相同的比例（随机猜为 10%）。',
  },
  rd: {
    open: '码率与失真',
    title: '码率与失真：β 在权衡什么',
    close: '关闭',
    intro: (
      <>
        VAE 的损失 = 失真 + β · 码率。失真 D 是<Term id="reconstruction">重构</Term>损失 −log
        p(x|z)；码率 R 是 <Term id="kl">KL</Term>(q(z|x) ‖ N(0, I))，即编码携带了多少关于 x
        的信息（单位 nats）。每个 β 在模型可达的 (R, D) 前沿上选一个点（Alemi 等，2018）：β
        小，重构清晰但编码远离先验；β 大，编码几乎不说什么。β
        可以在训练中调整：移动它，看这次训练在平面上移动。
      </>
    ),
    beta: 'β（训练中可调）',
    chartLabel: (points) => `失真对码率：本次训练的路径（${points} 个点）与 β 扫描的终点`,
    rate: '码率 R（KL，nats）',
    distortion: '失真 D（nats）',
    path: '本次训练，逐步',
    now: '当前',
    sweep: '扫描终点（β）',
    units: (active, total) =>
      `每个潜在单元的 KL：${total} 个中有 ${active} 个在起作用（KL > 0.1 nats）；其余不携带任何关于 x 的信息。`,
    sweepButton: '扫描 β',
    sweepAbout: (betas, steps) =>
      `依次用 β = ${betas} 各训练 ${steps} 步（都在本次训练的 worker 里），标出每次的终点。它会替换当前的训练；结束后恢复原来的设置。`,
    sweeping: (beta, done, total) => `正在训练 β = ${beta}（第 ${done + 1} 个，共 ${total} 个）……`,
    swept: (n) => `扫描完成：共 ${n} 次训练。`,
  },
  steps: {
    dOnly: '只训练 D',
    gOnly: '只训练 G',
    dOnlyTitle: '只更新判别器一步；G 的损失照常计算，但不训练 G',
    gOnlyTitle: '只更新生成器一步；D 的损失照常计算，但不训练 D',
    slow: '慢动作（每秒一步）',
    slowAbout: '开启后，“开始”每秒只走一步，二维视图会把点从上一步平滑地移到下一步。',
  },
};
