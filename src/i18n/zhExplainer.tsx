import type { ReactNode } from 'react';
import type { RunConfig } from '../config/schema.ts';
import { POINT_SIGMA } from '../config/datasets.ts';
import type { Catalog } from './catalog.ts';
import { POINT_NLL_CONSTANT, type Explained } from './explained.ts';
import { Fixed, FORMULAS, n3, Wrong } from './articleFormulas.tsx';
import { Symbols, Term } from './term.tsx';
import { formulaSymbols, type SymbolWords } from './formulaSymbols.ts';

// “工作原理”的中文：每类模型在这种数据上做什么、怎样读它的曲线，以及原文（本页所讲的那篇文章）
// 说法有误之处：原文怎么写、本页怎么做、为什么。公式在各语言中保持一致。

const SYMBOLS = '符号：';
const WORDS: SymbolWords = {
  encoder: '编码器',
  decoder: '解码器',
  recon: '重构',
  critic: '评价器',
  equilibrium: '均衡',
};

const noun = { digits: '数字', shapes: '图像', upload: '图像', points: '点' } as const;

function reconstructionNote({ c, data }: Explained): ReactNode {
  if (data === 'points')
    return `解码器是高斯分布 p(x|z) = N(x; decoder(z), ${POINT_SIGMA}²·I)，所以 −log p(x|z) = ‖x − x̂‖² / (2·${POINT_SIGMA}²) + ln(2π·${POINT_SIGMA}²)。图表省略了常数 ln(2π·${POINT_SIGMA}²) ≈ ${POINT_NLL_CONSTANT.toFixed(2)} 奈特（每个点）：真正的 −log p(x|z) 要再低 ${(-POINT_NLL_CONSTANT).toFixed(2)}，可以小于零（窄高斯分布的密度会大于 1）。`;
  return c.recon === 'bce'
    ? '伯努利解码器：−log p(x|z) 是像素与解码器输出概率之间的二元交叉熵，对所有像素求和。'
    : '高斯解码器：平方误差 Σ(x − x̂)² 等于 −log N(x; x̂, σ²·I) 去掉常数，其中 σ² = ½，即每个像素的标准差为 0.71，而像素值只在 [0, 1] 之间。这么宽松的似然让重构项相对 KL 项分量很轻：样本会比用伯努利损失时更模糊。';
}

const ganReading: Record<RunConfig['loss'], (e: Explained) => ReactNode> = {
  nonsaturating: ({ equilibrium: q }) => (
    <>
      D(x) 与 D(G(z)) 是 D 判为“真”的概率。博弈达到均衡（p_g = p_data）时，最优的 D 无从分辨：D(x) =
      D(G(z)) = {n3(q!.d)}，D 损失 = {n3(q!.dLoss)}
      {q!.d === 0.5 ? '（2 ln 2）' : ''}，G 损失 = {n3(q!.gLoss)}
      {q!.d === 0.5 ? '（ln 2）' : ''}，即图中的虚线。实际训练会在它们附近摆动。若 D(G(z)) 降向 0、D
      损失也降向 0，说明 D 占了上风；这种形式的 G 损失此时仍给 G 足够的梯度，所以它是默认选项。
    </>
  ),
  minimax: ({ equilibrium: q }) => (
    <>
      D(x) 与 D(G(z)) 是概率；均衡时 D(x) = D(G(z)) = {n3(q!.d)}，D 损失 = {n3(q!.dLoss)}，G 的损失
      E[log(1 − D(G(z)))] = {n3(q!.gLoss)}（虚线）。这是原始形式：D(G(z)) 降到 0 时，log(1 −
      D(G(z))) 变得平坦，G 的梯度消失，恰恰在 G 最差的时候停止学习（可以试试非饱和损失）。
    </>
  ),
  lsgan: ({ equilibrium: q }) => (
    <>
      D 输出的是原始分数而非概率：真实数据的目标为 {n3(2 * q!.d)}，生成数据为 0。均衡时最优的 D
      处处给出 {n3(q!.d)}，D 损失 = {n3(q!.dLoss)}，G 损失 = {n3(q!.gLoss)}
      （虚线）。两组分数相距很远，说明 D 能把两者分开；平方损失仍按样本分数离真实目标的远近给 G
      梯度。
    </>
  ),
  wgangp: ({ c }) => (
    <>
      评价器的分数不是概率，也没有固定的水平：只有差值 E[D(x)] − E[D(G(z))]
      有意义，在梯度惩罚让评价器接近 1-Lipschitz 时，它是 Wasserstein-1 距离的估计。惩罚取在 x̂ = α·x
      + (1 − α)·G(z)，α ~ U(0, 1)，即真实样本与生成样本连线上的点，要求那里的梯度范数为 1（权重 λ ={' '}
      {c.gp}）。G 变好时差值缩向 0；评价器损失是 −差值 + λ·惩罚，所以从负数一侧升向 0。这里没有 ½
      可作目标。
    </>
  ),
};

const ganObjective: Record<RunConfig['loss'], (c: RunConfig) => string> = {
  minimax: () => 'min_G max_D V(D, G) = E[log D(x)] + E[log(1 − D(G(z)))]',
  nonsaturating: () =>
    'D：max E[log D(x)] + E[log(1 − D(G(z)))]；G：max E[log D(G(z))]（非饱和形式）',
  lsgan: () => 'D：min ½E[(D(x) − 1)²] + ½E[D(G(z))²]；G：min ½E[(D(G(z)) − 1)²]',
  wgangp: (c) =>
    `评价器：max E[D(x)] − E[D(G(z))] − λ·E[(‖∇D(x̂)‖ − 1)²]，x̂ = α·x + (1 − α)·G(z)；G：max E[D(G(z))]，λ = ${c.gp}`,
};

export const zhExplainer: Catalog['explainer'] = {
  vae: (e) => {
    const { c, data } = e;
    const x = noun[data];
    return (
      <>
        <p>
          这是生成模型：它学习数据的概率分布，并从中采样出新的{x}。编码器把{x} x 映射为 {c.latent}{' '}
          维潜在空间中的高斯分布 q(z|x) = N(μ, σ²)；按{' '}
          <Term id="reparam">
            <code>z = μ + σ · ε</code>
          </Term>
          （ε ~ N(0, I)）采样一个编码，解码器再把它还原成{x}。新的{x}
          来自对先验 N(0, I) 中的 z 解码。
        </p>
        <p className="formula">
          ELBO = E<sub>q(z|x)</sub>[log p(x|z)] − KL(q(z|x) ‖ N(0, I)) ≤ log p(x)
          <br />
          损失 = E<sub>q(z|x)</sub>[−log p(x|z)] + β · KL(q(z|x) ‖ N(0, I))，β = {c.beta}
          {e.elbo ? '（损失即 −ELBO）' : '（只有 β = 1 时才是 −ELBO）'}
        </p>
        <Symbols label={SYMBOLS} items={formulaSymbols.vae()} />
        <p>
          <span className="swatch recon">重构</span>项奖励把 x 还原出来；
          <span className="swatch kl">KL</span> 项把每个 q(z|x) 拉向 N(0,
          I)，于是编码铺满先验、空洞很少，多数 z ~ N(0, I) 都能解码成像样的{x}。
          {data === 'points'
            ? '二维视图画出解码器的样本，以及真实点的编码与 N(0, I) 的圆。'
            : `但并非每个 z 都如此：潜在空间为二维时，训练初期的样本只覆盖少数几类（质量面板会数出来）。样本始终有些模糊：每个样本都是解码器输出的均值，即编码落在 z 附近的那些${x}的平均。`}
          β 越大，潜在空间越平滑，样本越模糊。
        </p>
        <p className="muted">{reconstructionNote(e)}</p>
      </>
    );
  },
  ae: (e) => {
    const { c, data } = e;
    const x = noun[data];
    return (
      <>
        <p>
          它不是生成模型：只把输入映射到输出。编码器和解码器与 VAE 相同，但是确定性的：x 被映射为{' '}
          {c.latent} 维空间中的一个点 z，没有采样，也没有 KL 项。
        </p>
        <p className="formula">
          损失 = {data === 'points' ? '‖x − x̂‖² / (2·0.1²)' : 'recon(x, decoder(encoder(x)))'}
          {data === 'points' ? '' : c.recon === 'bce' ? '（二元交叉熵）' : '（平方误差）'}
        </p>
        <Symbols label={SYMBOLS} items={formulaSymbols.ae(WORDS)} />
        <p>
          它的重构可以很好，可它的“样本”（对随机 z ~ N(0, I) 解码）却很差：没有任何东西要求编码铺满
          N(0, I)，随机编码便落在它学过的那些{x}
          的编码之间的空洞里。潜在维数小时，它在留出集上的重构并不比 VAE 好：VAE
          多出来的东西在这里代价很小。这正是对比所在：普通自编码器给不出可供采样的分布。
        </p>
        {data === 'points' ? <p className="muted">{reconstructionNote(e)}</p> : null}
      </>
    );
  },
  gan: (e) => {
    const { c, data } = e;
    const x = noun[data];
    return (
      <>
        <p>
          这是不写出分布的生成模型：生成器 G 把噪声 z ~ N(0, I)（{c.latent} 维）变成{x}
          ，采样就是运行 G。判别器 D 学着把它们与真实的{x}区分开，G 则学着骗过 D。
          {data === 'points'
            ? '在二维数据上，G 的最后一层是线性的（点可以落在平面任何位置）；二维视图按 D 的判断给平面着色，箭头表示 G 的下一步会把点推向哪里。'
            : '在图像上，G 的最后一层是 tanh，取值在 [−1, 1]，真实图像也映射到这个区间（2x − 1）。'}
        </p>
        <p className="formula">{ganObjective[c.loss](c)}</p>
        <Symbols label={SYMBOLS} items={formulaSymbols.gan(c.loss, WORDS)} />
        <p>
          <span className="swatch real">D(x)</span>、<span className="swatch fake">D(G(z))</span>：
          {ganReading[c.loss](e)}
        </p>
        {data === 'digits' && !e.article && c.arch === 'dense' ? (
          <p className="muted">
            没有 GPU 时，MNIST 上的全连接 GAN 要很久才出现数字：在一台用软件渲染的双核机器上，776
            步（WebGL 上 3 分钟）仍然只有色块。给它几千步，或在有 GPU 的机器上训练 DCGAN 示例。
          </p>
        ) : null}
      </>
    );
  },
  dataNote: {
    digits: 'MNIST：28×28 灰度数字，像素值在 [0, 1] 之间。“数字质量”面板用一个数字分类器评判样本。',
    shapes:
      '彩色形状：32×32 彩色图像，每个像素三个值。没有分类器评判它们：看样本，VAE 和自编码器还可以看留出集上的损失。',
    upload:
      '你自己的图像，居中裁剪并缩放（28×28 灰度或 32×32 彩色）。几十张图像很容易被模型记住：把样本和你的图像比一比，也把留出图像的重构和原图比一比。',
    points:
      '二维点：无论“网络结构”怎么选，所有网络都是全连接的。二维视图画出数据和样本；JS 散度与切片 Wasserstein 距离比较生成点与留出点。',
  },
  article: {
    title: '原文怎么说 / 本页怎么做 / 为什么',
    source: () => (
      <>
        本页讲解的是《概率性计算：大模型的生成模型》一文（作者：禅与计算机程序设计艺术）。原文有误之处，本页另有做法，并在这里说明。
      </>
    ),
    listings: '原文代码清单的修正版（Python、Keras）',
    says: '原文怎么说',
    does: '本页怎么做',
    why: '为什么',
    vae: [
      {
        says: FORMULAS.vaeArticle,
        does: (
          <>
            {FORMULAS.vaePlayground}
            ，即最大化 ELBO
          </>
        ),
        why: 'KL 项应当加上而不是减去（最小化 −KL 会把 q(z|x) 推离先验），而且它是两个分布之间的散度：q(z|x) = N(μ(x), σ²(x)) 与先验 N(0, I)，不是两个均值之间的。',
      },
      {
        says: (
          <>
            编码器以一个{' '}
            <code>
              <Wrong>Dense(latent_dim)</Wrong>
            </code>{' '}
            结束；<code>build_vae</code> 把编码器和解码器串起来
          </>
        ),
        does: (
          <>
            两个输出头 <Fixed>μ 与 log σ²</Fixed>，再取 z = μ + σ·ε，ε ~ N(0, I)
          </>
        ),
        why: '一个全连接层只给出一个点：代码清单里的“VAE”其实是普通自编码器。高斯分布 q(z|x) 需要均值和方差，重参数化采样让梯度能传回编码器。',
      },
      {
        says: '解码器最后一层用 sigmoid 激活',
        does: '解码器输出未经 sigmoid 的原始值（logit）；图像取它们的 sigmoid，损失直接由原始值计算',
        why: '模型不变，只是避免取 0 的对数：由原始值计算二元交叉熵，数值上更稳定。',
      },
      {
        says: '两个卷积层，32 与 64 个滤波器，3×3，步长 2（不填充），解码器 16 个滤波器',
        does: '同样的层（网络结构 = 原文的）',
        why: '做了上面两处修正后，代码清单里的网络照原样就能训练。',
      },
    ],
    ae: [
      {
        says: 'VAE 代码清单：编码器 → 一个输出潜在编码的全连接层 → 解码器，训练目标是重构',
        does: '就是这个模型，用它自己的名字：自编码器',
        why: '每个输入只有一个编码、没有 KL 项，这份代码清单就是确定性自编码器。它只把输入映射到输出，给不出可供采样的分布；本页的 VAE 模型补上了让它成为“变分”的那些部分。',
      },
    ],
    gan: [
      {
        says: FORMULAS.ganArticle,
        does: FORMULAS.ganPlayground,
        why: 'D 与 G 在同一个价值函数 V(D, G) 上博弈：D 最大化的正是 G 最小化的。照原文的写法，D 把生成样本判为真反而会得到奖励。',
      },
      {
        says: (
          <>
            四个转置卷积层，7×7 → 7 → 14 → 28 → <Wrong>56×56×3</Wrong>
          </>
        ),
        does: (
          <>
            去掉一个 128 滤波器、步长 2 的层：7 → 7 → 14 → <Fixed>28×28×1</Fixed>（彩色形状上为
            32×32×3）
          </>
        ),
        why: 'G 必须画出与数据同样大小的图像，否则 D 只凭尺寸就能分辨真假。',
      },
      {
        says: (
          <>
            <code>build_gan</code>：G 与 D 用一个损失一起编译；<Wrong>D 从未被训练</Wrong>
          </>
        ),
        does: (
          <>
            <Fixed>交替训练</Fixed>：D 先在一批真实数据和一批生成数据上更新，再固定 D、让 G 通过 D
            更新；两者都用 Adam 2e-4、β1 = 0.5，与原文的选择相同
          </>
        ),
        why: 'GAN 是两个玩家的博弈：D 不单独训练，就没有对手可骗，G 只是在追一个永远学不会的 D。',
      },
      {
        says: 'D 最后是一个 sigmoid 输出单元；LeakyReLU（斜率 0.3）、Dropout 0.3；G 开头的全连接层用 ReLU',
        does: '相同，只是 sigmoid 放在损失里计算（网络结构 = 原文的）',
        why: '由原始值计算交叉熵可避免取 0 的对数；其余部分照原样就能训练。',
      },
    ],
  },
  networks: {
    title: '网络结构，逐层列出',
    names: {
      generator: '生成器 G',
      discriminator: '判别器 D',
      encoder: '编码器',
      decoder: '解码器',
    },
    params: (count) => `${count} 个权重`,
    output: '输出',
  },
};
