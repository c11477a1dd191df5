//! Reading a [`Tree`] back into a typed value (a merged tree into a `Roadmap`), with
//! serde, so the model's own rules (defaults, unknown fields, quarters, dates) apply.

use serde::de::value::{MapDeserializer, SeqDeserializer, StrDeserializer};
use serde::de::{self, DeserializeOwned, IntoDeserializer, Visitor};

use super::tree::{Tree, TreeError};

/// The typed value a tree describes.
pub fn from_tree<T: DeserializeOwned>(tree: Tree) -> Result<T, TreeError> {
    T::deserialize(tree)
}

impl<'de> IntoDeserializer<'de, TreeError> for Tree {
    type Deserializer = Tree;
    fn into_deserializer(self) -> Tree {
        self
    }
}

impl<'de> de::Deserializer<'de> for Tree {
    type Error = TreeError;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, TreeError> {
        match self {
            Tree::None => visitor.visit_none(),
            Tree::Unit => visitor.visit_unit(),
            Tree::Bool(b) => visitor.visit_bool(b),
            Tree::Int(n) => visitor.visit_i64(n),
            Tree::UInt(n) => visitor.visit_u64(n),
            Tree::Float(x) => visitor.visit_f64(x),
            Tree::Text(text) => visitor.visit_string(text),
            Tree::Variant(name, content) => visitor.visit_enum(VariantAccess { name, content }),
            Tree::List(items) => {
                let mut seq = SeqDeserializer::new(items.into_iter());
                let value = visitor.visit_seq(&mut seq)?;
                seq.end()?;
                Ok(value)
            }
            Tree::Map(entries) => {
                let mut map = MapDeserializer::new(entries.into_iter());
                let value = visitor.visit_map(&mut map)?;
                map.end()?;
                Ok(value)
            }
            Tree::Record(fields) => {
                let mut map = MapDeserializer::new(fields.into_iter());
                let value = visitor.visit_map(&mut map)?;
                map.end()?;
                Ok(value)
            }
        }
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, TreeError> {
        match self {
            Tree::None => visitor.visit_none(),
            // Optional values are written bare (`implicit_some`), as in the file.
            other => visitor.visit_some(other),
        }
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, TreeError> {
        match self {
            Tree::Variant(name, content) => visitor.visit_enum(VariantAccess { name, content }),
            other => Err(de::Error::custom(format!(
                "expected a variant, found {other:?}"
            ))),
        }
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        visitor: V,
    ) -> Result<V::Value, TreeError> {
        visitor.visit_newtype_struct(self)
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes
        byte_buf unit unit_struct seq tuple tuple_struct map struct identifier ignored_any
    }
}

struct VariantAccess {
    name: &'static str,
    content: Option<Box<Tree>>,
}

impl<'de> de::EnumAccess<'de> for VariantAccess {
    type Error = TreeError;
    type Variant = Self;

    fn variant_seed<S: de::DeserializeSeed<'de>>(
        self,
        seed: S,
    ) -> Result<(S::Value, Self), TreeError> {
        let name: StrDeserializer<'_, TreeError> = self.name.into_deserializer();
        Ok((seed.deserialize(name)?, self))
    }
}

impl<'de> de::VariantAccess<'de> for VariantAccess {
    type Error = TreeError;

    fn unit_variant(self) -> Result<(), TreeError> {
        match self.content {
            None => Ok(()),
            Some(_) => Err(de::Error::custom(format!("{} takes no content", self.name))),
        }
    }

    fn newtype_variant_seed<S: de::DeserializeSeed<'de>>(
        self,
        seed: S,
    ) -> Result<S::Value, TreeError> {
        seed.deserialize(self.content())
    }

    fn tuple_variant<V: Visitor<'de>>(self, _: usize, visitor: V) -> Result<V::Value, TreeError> {
        de::Deserializer::deserialize_any(self.content(), visitor)
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        _: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, TreeError> {
        de::Deserializer::deserialize_any(self.content(), visitor)
    }
}

impl VariantAccess {
    fn content(self) -> Tree {
        self.content.map_or(Tree::Unit, |content| *content)
    }
}
