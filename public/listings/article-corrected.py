# The article's Keras listings ("概率性计算：大模型的生成模型", section 5), corrected as the
# playground trains them (arch=article). Each change is marked "FIX:" with its reason.
# 文中 Keras 代码清单的修正版，与本页（网络结构 = 原文的）训练的网络一致；每处改动标有 "FIX:" 及原因。
import tensorflow as tf
from tensorflow.keras import layers

# ---------------------------------------------------------------- GAN (DCGAN) -------------


def generator(latent_dim, image_shape=(28, 28, 1)):
    h, w, channels = image_shape
    return tf.keras.Sequential([
        layers.Dense(128 * (h // 4) * (w // 4), activation="relu", input_shape=(latent_dim,)),
        layers.Reshape((h // 4, w // 4, 128)),
        layers.Conv2DTranspose(128, kernel_size=5, strides=1, padding="same"),
        layers.LeakyReLU(),
        layers.Conv2DTranspose(128, kernel_size=5, strides=2, padding="same"),
        layers.LeakyReLU(),
        # FIX: the listing's third Conv2DTranspose(128, 5, strides=2) is left out: four
        # upsamplings of 7×7 gave 56×56, twice the data's side. 去掉一层，输出才与数据同为 28×28。
        # FIX: the data's channels (1 for MNIST), not 3. 通道数与数据一致。
        layers.Conv2DTranspose(channels, kernel_size=5, strides=2, padding="same",
                               activation="tanh"),
    ])


def discriminator(image_shape=(28, 28, 1)):
    return tf.keras.Sequential([
        layers.Conv2D(128, kernel_size=5, strides=2, padding="same", input_shape=image_shape),
        layers.LeakyReLU(),
        layers.Dropout(0.3),
        layers.Conv2D(128, kernel_size=5, strides=2, padding="same"),
        layers.LeakyReLU(),
        layers.Dropout(0.3),
        layers.Conv2D(128, kernel_size=5, strides=2, padding="same"),
        layers.LeakyReLU(),
        layers.Dropout(0.3),
        layers.Flatten(),
        # FIX: a logit; the sigmoid is applied inside the loss (from_logits=True), no log(0).
        layers.Dense(1),
    ])


# FIX: build_gan compiled G and D together and never trained D. A GAN alternates: D learns to
# tell real from generated, then G learns to fool that D (D fixed during G's step).
# 原文的 build_gan 从不训练 D。GAN 要交替训练：先训练 D 分辨真假，再固定 D 训练 G。
bce = tf.keras.losses.BinaryCrossentropy(from_logits=True)
g_opt = tf.keras.optimizers.Adam(2e-4, beta_1=0.5)
d_opt = tf.keras.optimizers.Adam(2e-4, beta_1=0.5)


@tf.function
def gan_step(G, D, real, latent_dim):  # real: images scaled to [-1, 1]
    z = tf.random.normal([tf.shape(real)[0], latent_dim])
    with tf.GradientTape() as tape:
        fake = G(z, training=True)
        d_real, d_fake = D(real, training=True), D(fake, training=True)
        # max_D E[log D(x)] + E[log(1 − D(G(z)))]   FIX: the listing's max_D had E[log D(G(z))]
        d_loss = bce(tf.ones_like(d_real), d_real) + bce(tf.zeros_like(d_fake), d_fake)
    d_opt.apply_gradients(zip(tape.gradient(d_loss, D.trainable_variables), D.trainable_variables))
    with tf.GradientTape() as tape:
        d_fake = D(G(z, training=True), training=True)
        # G: max E[log D(G(z))], the non-saturating form of min E[log(1 − D(G(z)))]
        g_loss = bce(tf.ones_like(d_fake), d_fake)
    g_opt.apply_gradients(zip(tape.gradient(g_loss, G.trainable_variables), G.trainable_variables))
    return d_loss, g_loss


# ---------------------------------------------------------------- VAE ---------------------


class Encoder(tf.keras.Model):
    def __init__(self, latent_dim):
        super().__init__()
        self.trunk = tf.keras.Sequential([
            layers.Conv2D(32, kernel_size=3, strides=2, activation="relu"),
            layers.Conv2D(64, kernel_size=3, strides=2, activation="relu"),
            layers.Flatten(),
        ])
        # FIX: two heads, the mean and log-variance of q(z|x); the listing's one Dense(latent)
        # gives a point, which makes it a plain autoencoder. 两个输出头：q(z|x) 的均值与对数方差。
        self.mu = layers.Dense(latent_dim)
        self.log_var = layers.Dense(latent_dim)

    def call(self, x):
        h = self.trunk(x)
        return self.mu(h), self.log_var(h)


def decoder(latent_dim):
    return tf.keras.Sequential([
        layers.Dense(16 * 7 * 7, activation="relu", input_shape=(latent_dim,)),
        layers.Reshape((7, 7, 16)),
        layers.Conv2DTranspose(16, kernel_size=3, strides=2, activation="relu", padding="same"),
        # FIX: logits; the image is their sigmoid, the loss takes them (no log(0)).
        layers.Conv2DTranspose(1, kernel_size=3, strides=2, padding="same"),
    ])


vae_opt = tf.keras.optimizers.Adam(1e-3)


@tf.function
def vae_step(E, Dec, x, beta=1.0):  # x: images in [0, 1], shape [batch, 28, 28, 1]
    with tf.GradientTape() as tape:
        mu, log_var = E(x)
        z = mu + tf.exp(0.5 * log_var) * tf.random.normal(tf.shape(mu))  # reparameterisation
        logits = Dec(z)
        recon = tf.reduce_sum(
            tf.nn.sigmoid_cross_entropy_with_logits(labels=x, logits=logits), axis=[1, 2, 3])
        kl = -0.5 * tf.reduce_sum(1 + log_var - mu**2 - tf.exp(log_var), axis=1)
        # FIX: −ELBO = recon + KL(q(z|x) ‖ N(0, I)); the article subtracted a "KL between means".
        # 修正：损失是重构加上 KL(q(z|x) ‖ N(0, I))，原文减去了“均值之间的 KL”。
        loss = tf.reduce_mean(recon + beta * kl)
    variables = E.trainable_variables + Dec.trainable_variables
    vae_opt.apply_gradients(zip(tape.gradient(loss, variables), variables))
    return loss
