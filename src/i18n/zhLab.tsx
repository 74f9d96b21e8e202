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
};
