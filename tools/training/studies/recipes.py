"""The studies' training recipes: which network (family + preset parameters, exactly what `models new --params` takes),
which data, which loss, how long. Every recipe is deterministic for its seed (one thread, fixed iteration count)."""

UNET_LUNGCT = {"preset": "variant", "in_channels": 1, "out_channels": 2, "depth": 4, "base_width": 8, "batch_norm": True,
               "padding": True, "skip": "concat", "upsampling": "transposed"}
UNET_LESION = dict(UNET_LUNGCT, depth=3, base_width=16)
UNET_LESION_W8 = dict(UNET_LESION, base_width=8)  # the ensemble's members: a quarter of the cost each
UNET_LIVER = dict(UNET_LUNGCT, skip="add", upsampling="maxunpool")
SEGNET_LESION = {"preset": "segnet-vgg16-bn", "n_classes": 2, "in_channels": 1}
NAIVE_LIVER = {"preset": "naive-symmetric", "in_channels": 1, "base_width": 8, "depth": 5}
CYCLEGAN_LUNGCT = {"preset": "junyanz", "input_nc": 1, "output_nc": 1, "ngf": 8, "netG": "resnet_9blocks", "norm": "instance"}
DEEPLAB_LESION = {"preset": "torchvision", "backbone": "resnet18", "num_classes": 2, "in_channels": 1, "output_stride": 8,
                  "base_width": 16, "aspp_channels": 64}
CRITIC = {"in_channels": 1, "base_width": 16, "depth": 3}

# name: family, params, dataset, trainer, iterations, batch, learning rate, seed
RECIPES = {
    "lungct-unet": ("unet", UNET_LUNGCT, "lungct", "supervised", 300, 8, 2e-3, 0),
    "lungct-lgan": ("unet", UNET_LUNGCT, "lungct", "lgan", 300, 8, 2e-3, 0),
    "lungct-cyclegan": ("cyclegan", CYCLEGAN_LUNGCT, "lungct", "cyclegan", 250, 4, 2e-3, 0),
    "lesion-unet": ("unet", UNET_LESION, "lesion", "supervised", 200, 16, 2e-3, 0),
    "lesion-unet-w8": ("unet", UNET_LESION_W8, "lesion", "supervised", 200, 16, 2e-3, 0),
    "lesion-unet-w8-s1": ("unet", UNET_LESION_W8, "lesion", "supervised", 200, 16, 2e-3, 1),
    "lesion-unet-w8-s2": ("unet", UNET_LESION_W8, "lesion", "supervised", 200, 16, 2e-3, 2),
    "lesion-unet-w8-s3": ("unet", UNET_LESION_W8, "lesion", "supervised", 200, 16, 2e-3, 3),
    "lesion-segnet": ("segnet", SEGNET_LESION, "lesion", "supervised", 60, 8, 1e-3, 0),
    "lesion-deeplab": ("deeplabv3", DEEPLAB_LESION, "lesion", "segan", 300, 8, 1e-3, 0),
    "liver-naive": ("segnet", NAIVE_LIVER, "liver", "supervised", 150, 4, 3e-3, 0),
    "liver-unet": ("unet", UNET_LIVER, "liver", "supervised", 150, 4, 3e-3, 0),
}

# The sequence-smoothing benchmark (bench/smoothing, issue 11): one liver U-Net per contiguous slab fold of patient 1.1
# (slab_folds.py), trained on the product's own 128x128 sampling of the series. Not part of the studies' tables.
LIVER_FOLDS = 3
FOLD_RECIPES = {f"liver-unet-fold{k}": ("unet", UNET_LIVER, f"liver-fold{k}", "supervised", 200, 8, 3e-3, 0)
                for k in range(LIVER_FOLDS)}


def get(name):
    """A recipe of either table."""
    return RECIPES[name] if name in RECIPES else FOLD_RECIPES[name]

# The 4-member lesion ensemble: one annotation per patch in MSD (the study had one model per annotator), so the members
# differ by seed only. Width-8 members keep four trainings affordable on a shared 2-core machine; lesion-unet-w8 (seed 0)
# is also compared alone, so the ensemble's gain is measured against its own member.
ENSEMBLE_LESION = ["lesion-unet-w8", "lesion-unet-w8-s1", "lesion-unet-w8-s2", "lesion-unet-w8-s3"]

# What may be committed (samples/models): MSD is CC BY-SA 4.0. Kaggle lung CT (source licence unchecked) and
# 3D-IRCADb (CC BY-NC-ND 4.0) weights stay in the ignored cache.
COMMITTABLE_DATASETS = {"lesion"}

# Committed copies (samples/models/<folder>) of the MSD-trained recipes; bench/studies/run.sh uses them instead of training.
SAMPLES = {
    "lesion-unet": "unet-lung-tumour-msd",
    "lesion-unet-w8": "unet-w8-lung-tumour-msd",
    "lesion-unet-w8-s1": "unet-w8-lung-tumour-msd-s1",
    "lesion-unet-w8-s2": "unet-w8-lung-tumour-msd-s2",
    "lesion-unet-w8-s3": "unet-w8-lung-tumour-msd-s3",
    "lesion-deeplab": "deeplabv3-resnet18-lung-tumour-msd",
}
